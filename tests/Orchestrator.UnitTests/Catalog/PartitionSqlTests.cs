using System.Text;
using Orchestrator.Jobs.Catalog;

namespace Orchestrator.UnitTests.Catalog;

public sealed class PartitionSqlTests
{
    private static readonly TableRef Table = new("my_database", "raw_sales", PartitionRegistration.AthenaDdl);
    private static readonly PartitionKey[] YearMonth = [new("year", "int"), new("month", "int")];

    [Fact]
    public void A_batch_becomes_one_statement_with_quoted_names_values_and_locations()
    {
        var sql = PartitionSql.AddPartitions(Table, YearMonth, "s3://lake/raw/sales/",
            [new(["2024", "01"], "year=2024/month=01/"), new(["2024", "02"], "year=2024/month=02/")]);

        Assert.Equal(
            "ALTER TABLE `my_database`.`raw_sales` ADD IF NOT EXISTS" +
            " PARTITION (`year` = '2024', `month` = '01') LOCATION 's3://lake/raw/sales/year=2024/month=01/'" +
            " PARTITION (`year` = '2024', `month` = '02') LOCATION 's3://lake/raw/sales/year=2024/month=02/'",
            Assert.Single(sql));
    }

    [Theory]
    [InlineData("tinyint", "127", true)]
    [InlineData("tinyint", "128", false)]
    [InlineData("smallint", "-32768", true)]
    [InlineData("smallint", "32768", false)]
    [InlineData("int", "2147483647", true)]
    [InlineData("int", "2147483648", false)]
    [InlineData("integer", "-0012", true)]
    [InlineData("bigint", "-9223372036854775808", true)]
    [InlineData("bigint", "9223372036854775808", false)]
    [InlineData("int", "+1", false)]
    [InlineData("int", " 1", false)]
    [InlineData("int", "1e3", false)]
    [InlineData("int", "١٢", false)] // Arabic-Indic digits: int.Parse would take them with some cultures
    [InlineData("int", "", false)]
    [InlineData("date", "2024-02-29", true)]
    [InlineData("date", "2023-02-29", false)]
    [InlineData("date", "2024-2-1", false)]
    [InlineData("string", "o'brien", true)]
    [InlineData("string", "naïve 日本", true)]
    [InlineData("string", "a\\b", false)]
    [InlineData("string", "a\nb", false)]
    [InlineData("varchar(3)", "abc", true)]
    [InlineData("varchar(3)", "abcd", false)]
    [InlineData("double", "1.5", false)]
    [InlineData("boolean", "true", false)]
    [InlineData("char(2)", "ab", false)]
    public void Values_are_checked_against_the_column_type(string type, string value, bool accepted)
    {
        if (accepted)
        {
            Assert.Equal("'" + value.Replace("'", "''", StringComparison.Ordinal) + "'", PartitionSql.Literal("c", type, value));
        }
        else
        {
            var error = Assert.Throws<PartitionRejectedException>(() => PartitionSql.Literal("c", type, value));
            Assert.StartsWith("Partition column c: value '", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_string_that_is_not_well_formed_unicode_is_rejected()
    {
        // A lone surrogate would become U+FFFD on the wire: the catalog would hold a value the key never had.
        Assert.Throws<PartitionRejectedException>(() => PartitionSql.Literal("c", "string", "a\ud800b"));
    }

    [Theory]
    [InlineData("Sales")]
    [InlineData("sales`; DROP TABLE x; --")]
    [InlineData("1sales")]
    [InlineData("")]
    [InlineData("sales-2024")]
    public void Names_that_are_not_glue_names_are_rejected(string name)
    {
        Assert.Throws<PartitionRejectedException>(() => PartitionSql.Identifier(name));
        Assert.Throws<PartitionRejectedException>(() =>
            PartitionSql.AddPartitions(new TableRef("db", name), YearMonth, "s3://b/t/", [new(["1", "2"], "year=1/month=2/")]));
    }

    [Fact]
    public void A_location_with_a_backslash_or_not_on_s3_is_rejected()
    {
        Assert.Throws<PartitionRejectedException>(() => PartitionSql.Location("s3://b/x\\y/"));
        Assert.Throws<PartitionRejectedException>(() => PartitionSql.Location("file:///etc/"));
        Assert.Equal("'s3://b/o''k/'", PartitionSql.Location("s3://b/o'k/"));
    }

    [Fact]
    public void Statements_are_split_exactly_at_the_262144_byte_limit()
    {
        // Clauses of one size C (values of 300 two-byte characters), the first one padded so that the header and n clauses
        // end exactly on 262,144 bytes: the limit is exclusive, so the n-th clause must start a second statement. With one
        // byte less of padding everything fits in one statement of 262,143 bytes.
        var keys = new[] { new PartitionKey("k", "string") };
        string header = "ALTER TABLE `my_database`.`raw_sales` ADD IF NOT EXISTS";
        int headerBytes = Encoding.UTF8.GetByteCount(header);
        static PartitionRegistrar.Target Make(int i, int padding)
        {
            string id = i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            return new PartitionRegistrar.Target([id + new string('é', 300) + new string('a', padding)], "k=" + id + "/");
        }

        int clauseBytes = Encoding.UTF8.GetByteCount(PartitionSql.AddPartitions(Table, keys, "s3://b/t/", [Make(0, 0)])[0]) - headerBytes;
        int n = (PartitionSql.MaxQueryBytes - headerBytes) / clauseBytes;
        int slack = PartitionSql.MaxQueryBytes - headerBytes - n * clauseBytes;
        List<PartitionRegistrar.Target> Batch(int padding) => Enumerable.Range(0, n).Select(i => Make(i, i == 0 ? padding : 0)).ToList();

        var atLimit = PartitionSql.AddPartitions(Table, keys, "s3://b/t/", Batch(slack));
        var belowLimit = PartitionSql.AddPartitions(Table, keys, "s3://b/t/", Batch(slack - 1));

        Assert.Equal(2, atLimit.Count);
        Assert.Equal(n - 1, atLimit[0].Split(" PARTITION (").Length - 1);
        Assert.Equal(PartitionSql.MaxQueryBytes - clauseBytes, Encoding.UTF8.GetByteCount(atLimit[0]));
        Assert.Equal(headerBytes + clauseBytes, Encoding.UTF8.GetByteCount(atLimit[1]));
        Assert.Equal(PartitionSql.MaxQueryBytes - 1, Encoding.UTF8.GetByteCount(Assert.Single(belowLimit)));
    }

    [Fact]
    public void Many_partitions_are_split_into_statements_that_each_stay_under_the_limit_and_keep_every_partition()
    {
        var keys = new[] { new PartitionKey("k", "string") };
        var targets = Enumerable.Range(0, 3000).Select(i => new PartitionRegistrar.Target([$"v{i}-" + new string('a', 200)], $"k=v{i}/")).ToList();

        var statements = PartitionSql.AddPartitions(Table, keys, "s3://b/t/", targets);

        Assert.True(statements.Count > 1);
        Assert.All(statements, s => Assert.True(Encoding.UTF8.GetByteCount(s) < PartitionSql.MaxQueryBytes));
        Assert.Equal(3000, statements.Sum(s => s.Split(" PARTITION (").Length - 1));
    }

    [Fact]
    public void A_single_partition_too_large_for_any_statement_is_rejected()
    {
        var keys = Enumerable.Range(0, 300).Select(i => new PartitionKey($"k{i}", "string")).ToArray();
        var values = Enumerable.Range(0, 300).Select(_ => new string('a', 1000)).ToArray();

        var error = Assert.Throws<PartitionRejectedException>(() =>
            PartitionSql.AddPartitions(Table, keys, "s3://b/t/", [new PartitionRegistrar.Target(values, "x/")]));

        Assert.Contains("262144", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_partition_with_the_wrong_number_of_values_is_rejected()
    {
        Assert.Throws<PartitionRejectedException>(() =>
            PartitionSql.AddPartitions(Table, YearMonth, "s3://b/t/", [new PartitionRegistrar.Target(["2024"], "year=2024/")]));
    }
}
