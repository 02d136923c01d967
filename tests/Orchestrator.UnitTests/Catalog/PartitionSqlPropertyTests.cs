using System.Globalization;
using System.Text.RegularExpressions;
using CsCheck;
using Orchestrator.Jobs.Catalog;

namespace Orchestrator.UnitTests.Catalog;

/// <summary>
/// Values made from what an attacker would put in an object key (quotes, semicolons, comment markers, backslashes, unicode,
/// '=' and '/', very long runs): every statement is either refused or has exactly the structure of the statement for a
/// benign value, and reads back the exact value; values outside their column's type are refused.
/// </summary>
public sealed partial class PartitionSqlPropertyTests
{
    private static readonly TableRef Table = new("my_database", "raw_sales", PartitionRegistration.AthenaDdl);

    private static readonly PartitionKey[] Keys = [new("region", "string"), new("year", "int"), new("day", "date")];

    private static readonly Gen<string> Piece = Gen.OneOf<string>(
        "'", "''", "\"", "`", ";", "--", "/*", "*/", "\\", "\\'", "=", "/", " ", "\n", "\t", "\0", ")", "(", ",",
        "é", "日本", "🙂", "\u202e", "\ud800", "DROP TABLE t", " LOCATION 's3://evil/'", "a", "2024", "%27", "%2F", "..");

    private static readonly Gen<string> Hostile = Gen.Frequency(
        (6, Piece.Array[1, 8].Select(string.Concat)),
        (1, Gen.Char.Array[1, 30].Select(chars => new string(chars))),
        (1, Gen.Int[900, 1100].Select(n => new string('\'', n))),
        (1, Gen.Int[1000, 5000].Select(n => string.Concat(Enumerable.Repeat("';--", n / 4)))));

    private static readonly IReadOnlyList<string> Benign = SqlSkeleton.Of(
        PartitionSql.AddPartitions(Table, Keys, "s3://lake/raw/", [new(["eu", "2024", "2024-01-31"], "region=eu/year=2024/day=2024-01-31/")])[0]);

    [Fact]
    public void No_generated_string_value_changes_the_structure_of_the_statement()
    {
        int accepted = 0, refused = 0;
        Hostile.Sample(value =>
        {
            var target = new PartitionRegistrar.Target([value, "2024", "2024-01-31"], $"region={value}/year=2024/day=2024-01-31/");
            IReadOnlyList<string> sql;
            try
            {
                sql = PartitionSql.AddPartitions(Table, Keys, "s3://lake/raw/", [target]);
            }
            catch (PartitionRejectedException)
            {
                Interlocked.Increment(ref refused);
                return;
            }

            Interlocked.Increment(ref accepted);
            string statement = Assert.Single(sql);
            Assert.Equal(Benign, SqlSkeleton.Of(statement));
            Assert.Equal(value, SqlSkeleton.StringLiteral(statement, 0));
            Assert.Equal($"s3://lake/raw/region={value}/year=2024/day=2024-01-31/", SqlSkeleton.StringLiteral(statement, 3));
        }, iter: 5_000);

        // Both outcomes must have been reached, or the generator tested nothing.
        Assert.True(accepted > 100 && refused > 100, $"accepted {accepted}, refused {refused}");
    }

    [Fact]
    public void Integer_and_date_values_are_accepted_exactly_when_they_fit_the_type()
    {
        Gen<string> candidate = Gen.Frequency(
            (3, Hostile),
            (3, Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture))),
            (2, Gen.Int[-200, 200].Select(i => i.ToString("00", CultureInfo.InvariantCulture))),
            (1, Gen.OneOf<string>("2147483648", "-2147483649", "+5", "5 ", "0x10", "1;", "1--", "1'", "١", "2024-02-30", "2024-02-29")),
            (2, Gen.DateOnly.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
        candidate.Sample(value =>
        {
            bool intOk = IntegerText().IsMatch(value) && long.TryParse(value, CultureInfo.InvariantCulture, out long n) && n is >= int.MinValue and <= int.MaxValue;
            bool dateOk = value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

            Assert.Equal(intOk, Accepts("int", value));
            Assert.Equal(dateOk, Accepts("date", value));
            if (intOk)
            {
                var statement = PartitionSql.AddPartitions(Table, Keys, "s3://lake/raw/", [new(["eu", value, "2024-01-31"], "x/")])[0];
                Assert.Equal(Benign, SqlSkeleton.Of(statement));
            }
        }, iter: 5_000);
    }

    private static bool Accepts(string type, string value)
    {
        try
        {
            PartitionSql.Literal("c", type, value);
            return true;
        }
        catch (PartitionRejectedException)
        {
            return false;
        }
    }

    [GeneratedRegex("^-?[0-9]{1,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerText();
}
