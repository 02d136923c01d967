using Orchestrator.Bench.Figures;

namespace Orchestrator.UnitTests.Bench;

public sealed class EnvFileTests
{
    [Fact]
    public void Keys_and_values_are_taken_as_written_without_comments_blank_lines_or_expansion()
    {
        var values = EnvFile.Parse(
        [
            "# a comment",
            "",
            "AWS_REGION=us-east-1",
            "  Orchestrator__Datasets__sales__Glue__Debounce=00:00:02  ",
            "Orchestrator__Queue__Url=http://sqs.us-east-1.localhost:4566/000000000000/q?a=b",
            "HOME_TOO=$HOME",
            "EMPTY=",
        ]);

        Assert.Equal(5, values.Count);
        Assert.Equal("us-east-1", values["AWS_REGION"]);
        Assert.Equal("00:00:02", values["Orchestrator__Datasets__sales__Glue__Debounce"]);
        Assert.Equal("http://sqs.us-east-1.localhost:4566/000000000000/q?a=b", values["Orchestrator__Queue__Url"]);
        Assert.Equal("$HOME", values["HOME_TOO"]);
        Assert.Equal("", values["EMPTY"]);
    }

    [Fact]
    public void A_later_line_overrides_an_earlier_one()
    {
        var values = EnvFile.Parse(["A=1", "A=2"]);

        Assert.Equal("2", Assert.Single(values).Value);
    }

    [Theory]
    [InlineData("NO_EQUALS")]
    [InlineData("=value")]
    public void A_line_that_is_not_key_equals_value_is_refused_with_its_number(string line)
    {
        var error = Assert.Throws<FormatException>(() => EnvFile.Parse(["# header", line]));

        Assert.StartsWith("line 2:", error.Message, StringComparison.Ordinal);
        Assert.Contains(line, error.Message, StringComparison.Ordinal);
    }
}
