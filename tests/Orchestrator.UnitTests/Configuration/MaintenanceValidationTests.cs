using Microsoft.Extensions.Configuration;
using Orchestrator.Cli;

namespace Orchestrator.UnitTests.Configuration;

public sealed class MaintenanceValidationTests
{
    private const string M = "Orchestrator:Datasets:sales:Maintenance:";

    private static readonly Dictionary<string, string?> Valid = new()
    {
        ["Orchestrator:Queue:Url"] = "https://sqs.eu-west-1.amazonaws.com/123456789012/data-lake-events",
        ["Orchestrator:Datasets:sales:Source:Bucket"] = "data-lake",
        ["Orchestrator:Datasets:sales:Source:Prefix"] = "raw/sales/",
        ["Orchestrator:Datasets:sales:OutputTable:Database"] = "lake",
        ["Orchestrator:Datasets:sales:OutputTable:Table"] = "sales",
        [M + "0:Name"] = "no-null-ids",
        [M + "0:Cron"] = "0 30 4 * * ?",
        [M + "0:TimeZone"] = "Europe/Berlin",
        [M + "0:Kind"] = "Check",
        [M + "0:Sql"] = "SELECT count(*) FROM {table} WHERE id IS NULL AND day = {day}",
        [M + "0:Parameters:day"] = "FireTime - 1 day as date",
        [M + "0:Expect"] = "= 0",
        [M + "1:Name"] = "compact-yesterday",
        [M + "1:Cron"] = "0 0 5 * * ?",
        [M + "1:Kind"] = "compact",
        [M + "1:Partition:year"] = "FireTime - 1 day as int 'yyyy'",
        [M + "1:Partition:month"] = "FireTime - 1 day as int 'MM'",
        [M + "2:Name"] = "repair",
        [M + "2:Cron"] = "0 0 6 ? * SUN",
        [M + "2:Kind"] = "Msck",
        [M + "2:Table:Database"] = "lake",
        [M + "2:Table:Table"] = "raw_sales",
    };

    private static (Orchestrator.Configuration.OrchestratorOptions Options, IReadOnlyList<string> Errors) Evaluate(params (string Key, string? Value)[] overrides)
    {
        var values = new Dictionary<string, string?>(Valid);
        foreach (var (key, value) in overrides)
        {
            if (value is null)
            {
                values.Remove(key); // absent, not empty
            }
            else
            {
                values[key] = value;
            }
        }

        return ConfigurationReport.Evaluate(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
    }

    [Fact]
    public void Tasks_of_every_shape_bind_and_are_valid()
    {
        var (options, errors) = Evaluate();

        Assert.Empty(errors);
        var tasks = options.Datasets["sales"].Maintenance;
        Assert.Equal(["no-null-ids", "compact-yesterday", "repair"], tasks.Select(t => t.Name));
        Assert.Equal("FireTime - 1 day as date", tasks[0].Parameters["day"]);
        Assert.Equal("raw_sales", tasks[2].Table.Table);
    }

    [Theory]
    [InlineData(M + "0:Kind", "Reindex", M + "0:Kind: 'Reindex' is not one of Sql, Optimize, Vacuum, Msck, Compact, Check")]
    [InlineData(M + "0:Kind", "5", M + "0:Kind: '5' is not one of")]
    [InlineData(M + "0:Kind", "Sql, Check", M + "0:Kind: 'Sql, Check' is not one of")]
    [InlineData(M + "0:Cron", "every day", M + "0:Cron: 'every day' is not a Quartz cron expression")]
    [InlineData(M + "0:TimeZone", "Mars/Olympus", M + "0:TimeZone: 'Mars/Olympus' is not a known time zone")]
    [InlineData(M + "0:Misfire", "Later", M + "0:Misfire: 'Later' is not one of FireOnce, Skip")]
    [InlineData(M + "0:Expect", "positive", M + "0:Expect: 'positive' is not an expectation")]
    [InlineData(M + "0:Parameters:day", "yesterday", M + "0:Parameters:day: 'yesterday' — expected FireTime")]
    [InlineData(M + "0:Sql", "SELECT count(*) FROM {table} WHERE day = {dya}", M + "0:Sql: {dya} has no parameter")]
    [InlineData(M + "0:Sql", "SELECT count(*) FROM {table}", M + "0:Sql: parameter 'day' is not used")]
    [InlineData(M + "0:Sql", "", M + "0:Sql: a Check task needs its SQL")]
    [InlineData(M + "1:Name", "no-null-ids", M + "1:Name: 'no-null-ids' is used twice")]
    [InlineData(M + "1:Name", "has space", M + "1:Name: 'has space' must be 1-64 characters")]
    [InlineData(M + "1:Partition:month", "FireTime as string 'MMMM'", M + "1:Partition:month: 'FireTime as string 'MMMM'' — format 'MMMM' asks for a day or month name")]
    [InlineData(M + "1:Sql", "SELECT 1", M + "1:Sql: only Sql and Check tasks take Sql")]
    [InlineData(M + "1:Expect", "> 0", M + "1:Expect: only Check tasks have an expectation")]
    [InlineData(M + "2:Partition:year", "2024", M + "2:Partition: only Compact tasks take a Partition")]
    [InlineData(M + "2:Table:Table", "Raw-Sales", M + "2:Table:Table: 'Raw-Sales' is not a Glue/Athena name")]
    [InlineData(M + "2:Table:Database", "", M + "2:Table: give both Database and Table, or neither")]
    [InlineData(M + "2:Colour", "red", M + "2:Colour: unknown setting")]
    public void Each_mistake_is_reported_with_its_key_and_value(string key, string value, string expected)
    {
        var (_, errors) = Evaluate((key, value));

        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_task_needs_a_table_when_the_dataset_has_no_output_table()
    {
        var (_, errors) = Evaluate(("Orchestrator:Datasets:sales:OutputTable:Database", null), ("Orchestrator:Datasets:sales:OutputTable:Table", null));

        Assert.Contains(errors, e => e.StartsWith(M + "0:Table: the dataset has no OutputTable", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.StartsWith(M + "2:", StringComparison.Ordinal)); // it names its own table
    }

    [Fact]
    public void Compact_needs_a_partition()
    {
        var (_, errors) = Evaluate((M + "1:Partition:year", null), (M + "1:Partition:month", null));

        Assert.Contains(errors, e => e.StartsWith(M + "1:Partition: Compact needs the partition", StringComparison.Ordinal));
    }
}
