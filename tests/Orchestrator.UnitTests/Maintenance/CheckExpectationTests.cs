using Orchestrator.Jobs.Maintenance;

namespace Orchestrator.UnitTests.Maintenance;

public sealed class CheckExpectationTests
{
    private static IReadOnlyList<IReadOnlyList<string?>> Rows(params string?[] firstColumn) => [.. firstColumn.Select(v => (IReadOnlyList<string?>)[v])];

    [Theory]
    [InlineData("> 0", "5", true)]
    [InlineData("> 0", "0", false)]
    [InlineData(">= 0", "0", true)]
    [InlineData("= 0", "0", true)]
    [InlineData("= 0", "3", false)]
    [InlineData("!= 0", "3", true)]
    [InlineData("<> 0", "0", false)]
    [InlineData("< 1.5", "1.25", true)]
    [InlineData("<= -2", "-2", true)]
    public void The_first_value_is_compared(string expect, string value, bool passed)
    {
        var expectation = CheckExpectation.TryParse(expect)!;

        var (ok, number, detail) = expectation.Evaluate(Rows(value));

        Assert.Equal(passed, ok);
        Assert.Equal(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture), number);
        Assert.Contains(passed ? "meets" : "does not meet", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void No_row_null_or_text_fails_and_says_why()
    {
        var expectation = CheckExpectation.TryParse("= 0")!;

        Assert.Contains("no rows", expectation.Evaluate(Rows()).Detail, StringComparison.Ordinal);
        Assert.Contains("NULL", expectation.Evaluate(Rows([null])).Detail, StringComparison.Ordinal);
        var (passed, value, detail) = expectation.Evaluate(Rows("zero"));
        Assert.False(passed);
        Assert.Null(value);
        Assert.Contains("'zero', not a number", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("== 0")]
    [InlineData("> zero")]
    [InlineData("> 0 or 1=1")]
    public void Other_text_is_not_an_expectation(string text) => Assert.Null(CheckExpectation.TryParse(text));
}
