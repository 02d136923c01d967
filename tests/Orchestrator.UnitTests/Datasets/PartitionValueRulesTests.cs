using Orchestrator.Jobs.Datasets;

namespace Orchestrator.UnitTests.Datasets;

public sealed class PartitionValueRulesTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("01")]
    [InlineData("2024")]
    [InlineData("-5")]
    [InlineData("2147483647")]
    [InlineData("-2147483648")]
    [InlineData("000000000000000000000000000001")]
    public void Valid_ints(string value) => Assert.True(PartitionValueRules.IsValid(value, PartitionColumnType.Int));

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("+1")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData("0x10")]
    [InlineData("2147483648")]
    [InlineData("-2147483649")]
    [InlineData("١٢")]
    [InlineData("1;DROP")]
    public void Invalid_ints(string value) => Assert.False(PartitionValueRules.IsValid(value, PartitionColumnType.Int));

    [Theory]
    [InlineData("9223372036854775807", true)]
    [InlineData("-9223372036854775808", true)]
    [InlineData("2147483648", true)]
    [InlineData("9223372036854775808", false)]
    [InlineData("12a", false)]
    public void Bigints(string value, bool valid) => Assert.Equal(valid, PartitionValueRules.IsValid(value, PartitionColumnType.BigInt));

    [Theory]
    [InlineData("2024-01-15", true)]
    [InlineData("2024-02-29", true)]
    [InlineData("0001-01-01", true)]
    [InlineData("2023-02-29", false)]
    [InlineData("2024-13-01", false)]
    [InlineData("2024-1-15", false)]
    [InlineData("20240115", false)]
    [InlineData("2024/01/15", false)]
    [InlineData("2024-01-15T00:00:00", false)]
    [InlineData("0000-01-01", false)]
    public void Dates(string value, bool valid) => Assert.Equal(valid, PartitionValueRules.IsValid(value, PartitionColumnType.Date));

    [Theory]
    [InlineData("eu-west-1", true)]
    [InlineData("Sales_2024.v2", true)]
    [InlineData("__HIVE_DEFAULT_PARTITION__", true)]
    [InlineData("", false)]
    [InlineData("a b", false)]
    [InlineData("a'b", false)]
    [InlineData("a\"b", false)]
    [InlineData("a;b", false)]
    [InlineData("a/b", false)]
    [InlineData("a\\b", false)]
    [InlineData("a%2Fb", false)]
    [InlineData("a=b", false)]
    [InlineData("a\nb", false)]
    [InlineData("a\0b", false)]
    [InlineData("café", false)]
    [InlineData("ＡＢＣ", false)]
    public void Strings(string value, bool valid) => Assert.Equal(valid, PartitionValueRules.IsValid(value, PartitionColumnType.String));

    [Fact]
    public void Strings_are_limited_to_255_characters()
    {
        Assert.True(PartitionValueRules.IsValid(new string('a', 255), PartitionColumnType.String));
        Assert.False(PartitionValueRules.IsValid(new string('a', 256), PartitionColumnType.String));
    }

    [Theory]
    [InlineData("year", true)]
    [InlineData("_col_1", true)]
    [InlineData("a", true)]
    [InlineData("", false)]
    [InlineData("Year", false)]
    [InlineData("1year", false)]
    [InlineData("year-month", false)]
    [InlineData("year month", false)]
    [InlineData("`year`", false)]
    public void Identifiers(string name, bool valid) => Assert.Equal(valid, PartitionValueRules.IsValidIdentifier(name));

    [Fact]
    public void Identifiers_are_limited_to_255_characters()
    {
        Assert.True(PartitionValueRules.IsValidIdentifier(new string('a', 255)));
        Assert.False(PartitionValueRules.IsValidIdentifier(new string('a', 256)));
    }
}
