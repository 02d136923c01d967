using Orchestrator.Jobs.Maintenance;

namespace Orchestrator.UnitTests.Maintenance;

public sealed class SqlTemplateTests
{
    [Fact]
    public void Placeholders_become_question_marks_and_values_go_to_the_parameters_in_order()
    {
        var errors = new List<string>();
        var template = SqlTemplate.Parse("SELECT count(*) FROM {table} WHERE d >= {start} AND d < {end} AND d <> {start}", ["start", "end"], errors);
        var values = new Dictionary<string, SqlValue>
        {
            ["start"] = new(SqlValueType.Date, "2024-01-01"),
            ["end"] = new(SqlValueType.String, "x'; DROP TABLE t; --"),
        };

        var (sql, parameters) = template.Bind("db", "events", values);

        Assert.Empty(errors);
        Assert.Equal("SELECT count(*) FROM db.events WHERE d >= ? AND d < ? AND d <> ?", sql);
        Assert.Equal(["DATE '2024-01-01'", "'x''; DROP TABLE t; --'", "DATE '2024-01-01'"], parameters);
    }

    [Fact]
    public void Database_is_the_only_other_name_substituted()
    {
        var template = SqlTemplate.Parse("SHOW TABLES IN {database}", [], []);

        var (sql, parameters) = template.Bind("db", "t", new Dictionary<string, SqlValue>());

        Assert.Equal("SHOW TABLES IN db", sql);
        Assert.Empty(parameters);
    }

    [Theory]
    [InlineData("SELECT {missing}", new string[0], "{missing} has no parameter")]
    [InlineData("SELECT 1", new[] { "unused" }, "parameter 'unused' is not used")]
    [InlineData("SELECT {Upper}", new string[0], "that is not a placeholder")]
    [InlineData("SELECT map(ARRAY['a'], ARRAY[1]) {", new string[0], "that is not a placeholder")]
    public void Mistakes_are_reported(string sql, string[] parameters, string expected)
    {
        var errors = new List<string>();

        SqlTemplate.Parse(sql, parameters, errors);

        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }
}
