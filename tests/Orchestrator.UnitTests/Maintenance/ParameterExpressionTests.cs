using Orchestrator.Jobs.Maintenance;

namespace Orchestrator.UnitTests.Maintenance;

public sealed class ParameterExpressionTests
{
    private static readonly DateTimeOffset Fire = new(2024, 3, 1, 2, 30, 15, TimeSpan.Zero);

    private static string Literal(string expression) =>
        (ParameterExpression.TryParse(expression, out string error) ?? throw new InvalidOperationException(error)).Evaluate(Fire).ToSqlLiteral();

    [Theory]
    [InlineData("FireTime", "DATE '2024-03-01'")]
    [InlineData("FireTime - 1 day", "DATE '2024-02-29'")] // leap year, across a month end
    [InlineData("FireTime - 1 day as date", "DATE '2024-02-29'")]
    [InlineData("firetime -1 month - 2 days", "DATE '2024-01-30'")]
    [InlineData("FireTime + 2 weeks", "DATE '2024-03-15'")]
    [InlineData("FireTime - 3 hours as timestamp", "TIMESTAMP '2024-02-29 23:30:15'")]
    [InlineData("FireTime - 1 day as timestamp 'yyyy-MM-dd 00:00:00'", "TIMESTAMP '2024-02-29 00:00:00'")]
    [InlineData("FireTime - 1 day as string 'yyyy/MM/dd'", "'2024/02/29'")]
    [InlineData("FireTime - 1 day as int 'yyyy'", "2024")]
    [InlineData("FireTime - 1 day as int 'MM'", "2")]
    [InlineData("FireTime + 1 year as int 'yyyyMMdd'", "20250301")]
    [InlineData("'it''s'", "'it''s'")]
    [InlineData("42", "42")]
    [InlineData("-1.5", "-1.5")]
    public void An_expression_becomes_a_typed_literal_computed_from_the_fire_time(string expression, string expected) =>
        Assert.Equal(expected, Literal(expression));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("now()", "expected FireTime")]
    [InlineData("FireTime - 1 fortnight", "expected FireTime")]
    [InlineData("FireTime as string 'yyyy''; DROP'", "expected FireTime")]
    [InlineData("FireTime as string 'dddd'", "may only use")]
    [InlineData("FireTime as string 'yyyy%'", "may only use")]
    [InlineData("FireTime as int 'yyyy-MM'", "as int needs a format")]
    [InlineData("FireTime as string", "needs a format")]
    [InlineData("FireTime as date 'yyyy'", "takes no format")]
    [InlineData("'unterminated", "one quoted string")]
    [InlineData("'a' || 'b'", "one quoted string")]
    [InlineData("FireTime - 999999 days", "too far")]
    public void Anything_else_is_refused_with_the_reason(string expression, string reason)
    {
        Assert.Null(ParameterExpression.TryParse(expression, out string error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fire_time_is_taken_in_the_task_time_zone()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var task = new MaintenanceTask("sales", "t", MaintenanceKind.Sql, new Jobs.Catalog.TableRef("db", "t"), zone, null,
            new Dictionary<string, ParameterExpression> { ["day"] = ParameterExpression.TryParse("FireTime", out _)! },
            null, new Dictionary<string, ParameterExpression>());

        // 02:30 UTC on 1 March is still 29 February in New York.
        Assert.Equal("DATE '2024-02-29'", task.Values(Fire)["day"].ToSqlLiteral());
    }

    [Fact]
    public void Text_constants_are_quoted_for_sql_and_for_partition_specs()
    {
        var value = ParameterExpression.TryParse("'a''b'", out _)!.Evaluate(Fire);

        Assert.Equal("a'b", value.Text);
        Assert.Equal("'a''b'", value.ToSqlLiteral());
        Assert.Equal("'a''b'", value.ToPartitionLiteral());
        Assert.Equal("7", SqlValue.Int(7).ToPartitionLiteral());
        Assert.Equal("'2024-02-29'", new SqlValue(SqlValueType.Date, "2024-02-29").ToPartitionLiteral());
    }
}
