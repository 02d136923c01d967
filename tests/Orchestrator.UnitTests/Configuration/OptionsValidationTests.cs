using Microsoft.Extensions.Configuration;
using Orchestrator.Cli;
using Orchestrator.Jobs.Storage;

namespace Orchestrator.UnitTests.Configuration;

public sealed class OptionsValidationTests
{
    private static readonly Dictionary<string, string?> Valid = new()
    {
        ["Orchestrator:Queue:Url"] = "https://sqs.eu-west-1.amazonaws.com/123456789012/data-lake-events",
        ["Orchestrator:Datasets:sales:Source:Bucket"] = "data-lake",
        ["Orchestrator:Datasets:sales:Source:Prefix"] = "raw/sales/",
        ["Orchestrator:Datasets:sales:Source:Partitions:0"] = "year:int",
        ["Orchestrator:Datasets:sales:Source:Partitions:1"] = "month:int",
    };

    private static IReadOnlyList<string> Errors(params (string Key, string? Value)[] overrides)
    {
        var values = new Dictionary<string, string?>(Valid);
        foreach (var (key, value) in overrides)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return ConfigurationReport.Evaluate(configuration).Errors;
    }

    [Fact]
    public void A_complete_configuration_is_valid_and_binds_every_value()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Valid).Build();
        var (options, errors) = ConfigurationReport.Evaluate(configuration);

        Assert.Empty(errors);
        Assert.Equal("data-lake", options.Datasets["sales"].Source.Bucket);
        Assert.Equal(["year:int", "month:int"], options.Datasets["sales"].Source.Partitions);
        Assert.Equal(StoreProvider.Sqlite, options.Store.Provider);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Queue.WaitTime);
    }

    [Fact]
    public void Every_error_is_reported_at_once_with_its_key_and_value()
    {
        var errors = Errors(
            ("Orchestrator:Queue:Url", "not a url"),
            ("Orchestrator:Queue:MaxMessagesPerReceive", "11"),
            ("Orchestrator:Queue:WaitTime", "00:00:21"),
            ("Orchestrator:Queue:ShutdownTimeout", "00:00:30"),
            ("Orchestrator:Queue:VisibilityTimeout", "12:00:01"),
            ("Orchestrator:Queue:Pollers", "many"));

        Assert.Equal(5, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("Orchestrator:Queue:Url: 'not a url'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Orchestrator:Queue:MaxMessagesPerReceive: 11", StringComparison.Ordinal)
                                     && e.Contains("at most 10 messages", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Orchestrator:Queue:WaitTime: 00:00:21", StringComparison.Ordinal)
                                     && e.Contains("at most 20 seconds", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Orchestrator:Queue:VisibilityTimeout: 12:00:01", StringComparison.Ordinal)
                                     && e.Contains("12 hours", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Orchestrator:Queue:Pollers: 'many' is not a whole number", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_keys_are_errors_so_typos_are_not_ignored()
    {
        var errors = Errors(("Orchestrator:Queue:WaitTme", "00:00:05"));

        var error = Assert.Single(errors);
        Assert.StartsWith("Orchestrator:Queue:WaitTme: unknown setting", error, StringComparison.Ordinal);
        Assert.Contains("WaitTime", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bare_number_for_a_duration_is_refused_instead_of_read_as_days()
    {
        var error = Assert.Single(Errors(("Orchestrator:Queue:WaitTime", "20")));

        Assert.Contains("'20' is ambiguous", error, StringComparison.Ordinal);
        Assert.Contains("00:00:20", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Visibility_timeout_must_be_whole_seconds_and_leave_room_for_two_heartbeats()
    {
        var errors = Errors(("Orchestrator:Queue:VisibilityTimeout", "00:00:40.5"), ("Orchestrator:Queue:HeartbeatInterval", "00:00:30"));

        Assert.Contains(errors, e => e.Contains("must be whole seconds", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Orchestrator:Queue:HeartbeatInterval: 00:00:30 must be at most half", StringComparison.Ordinal));
    }

    [Fact]
    public void Shutdown_budget_must_fit_inside_the_ECS_stop_timeout()
    {
        var error = Assert.Single(Errors(("Orchestrator:Queue:ShutdownTimeout", "00:02:00")));

        Assert.Contains("ECS stops a container at most 120 s after SIGTERM", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Orchestrator:Datasets:sales:Source:Prefix", "raw/sales", "must end with '/'")]
    [InlineData("Orchestrator:Datasets:sales:Source:Prefix", "/raw/sales/", "must not start with '/'")]
    [InlineData("Orchestrator:Datasets:sales:Source:Bucket", "Data_Lake", "not a valid S3 bucket name")]
    [InlineData("Orchestrator:Datasets:sales:Source:Partitions:1", "month:float", "'month:float' must be 'name' or 'name:type'")]
    [InlineData("Orchestrator:Datasets:sales:Source:Partitions:1", "Month", "'Month' is not a valid partition column name")]
    [InlineData("Orchestrator:Datasets:sales:Source:Partitions:1", "year", "named twice")]
    [InlineData("Orchestrator:Datasets:sales:Source:KeyTemplate", "{month}/{year}/", "must name the partition columns once each, in order")]
    [InlineData("Orchestrator:Store:Provider", "Postgres", "'Postgres' is not one of Sqlite, PostgreSql")]
    [InlineData("Orchestrator:Health:MaxSilence", "00:00:15", "must exceed Queue:WaitTime")]
    [InlineData("Orchestrator:Queue:WaitTime", "00:00:20", "must be shorter than ShutdownTimeout")]
    [InlineData("Orchestrator:Scheduling:DpuHourPrice", "101", "101 is not a price per DPU-hour in USD (0..100)")]
    public void Dataset_store_and_health_rules_name_the_key_and_the_value(string key, string value, string expected)
    {
        var error = Assert.Single(Errors((key, value)));

        Assert.StartsWith(key + ":", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_datasets_on_the_same_bucket_and_prefix_are_ambiguous()
    {
        var errors = Errors(
            ("Orchestrator:Datasets:copy:Source:Bucket", "data-lake"),
            ("Orchestrator:Datasets:copy:Source:Prefix", "raw/sales/"));

        var error = Assert.Single(errors);
        Assert.Contains("copy and sales share bucket 'data-lake' and prefix 'raw/sales/'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_datasets_the_configuration_is_invalid()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Orchestrator:Queue:Url"] = Valid["Orchestrator:Queue:Url"] })
            .Build();

        var error = Assert.Single(ConfigurationReport.Evaluate(configuration).Errors);
        Assert.StartsWith("Orchestrator:Datasets: at least one dataset is required", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Passwords_in_connection_strings_are_redacted()
    {
        string redacted = ConfigurationReport.RedactConnectionString("Host=db;Username=orchestrator;Password=s3cret;Database=orchestrator");

        Assert.DoesNotContain("s3cret", redacted, StringComparison.Ordinal);
        Assert.Contains("password=***", redacted, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Data Source=/data/orchestrator.db", ConfigurationReport.RedactConnectionString("Data Source=/data/orchestrator.db"));
    }

    [Fact]
    public void Schedules_bind_as_a_list_of_sections_and_bad_cron_time_zone_and_chains_are_errors()
    {
        var errors = Errors(
            ("Orchestrator:Datasets:sales:Glue:Job", "raw_to_curated"),
            ("Orchestrator:Datasets:sales:Glue:Schedules:0:Name", "nightly"),
            ("Orchestrator:Datasets:sales:Glue:Schedules:0:Cron", "0 0 3 * * ?"),
            ("Orchestrator:Datasets:sales:Glue:Schedules:1:Name", "broken"),
            ("Orchestrator:Datasets:sales:Glue:Schedules:1:Cron", "every day"),
            ("Orchestrator:Datasets:sales:Glue:Schedules:1:TimeZone", "Mars/Olympus"),
            ("Orchestrator:Datasets:sales:Glue:Then:0", "nowhere"),
            ("Orchestrator:Datasets:sales:Glue:Bookmark", "sometimes"));

        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("Orchestrator:Datasets:sales:Glue:Schedules:1:Cron: 'every day' is not a Quartz cron", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Orchestrator:Datasets:sales:Glue:Schedules:1:TimeZone: 'Mars/Olympus'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Orchestrator:Datasets:sales:Glue:Then:0: 'nowhere'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Orchestrator:Datasets:sales:Glue:Bookmark: 'sometimes'", StringComparison.Ordinal));
    }

    [Fact]
    public void Reserved_job_arguments_and_a_chain_that_loops_are_refused()
    {
        var errors = Errors(
            ("Orchestrator:Datasets:sales:Glue:Job", "a"),
            ("Orchestrator:Datasets:sales:Glue:Arguments:--job-bookmark-option", "job-bookmark-disable"),
            ("Orchestrator:Datasets:sales:Glue:Then:0", "other"),
            ("Orchestrator:Datasets:other:Source:Bucket", "data-lake"),
            ("Orchestrator:Datasets:other:Source:Prefix", "raw/other/"),
            ("Orchestrator:Datasets:other:Glue:Job", "b"),
            ("Orchestrator:Datasets:other:Glue:Then:0", "sales"));

        Assert.Contains(errors, e => e.StartsWith("Orchestrator:Datasets:sales:Glue:Arguments:--job-bookmark-option:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("the chain comes back to", StringComparison.Ordinal));
    }

    [Fact]
    public void Athena_settings_bind_and_their_limits_are_reported()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(Valid)
        {
            ["Orchestrator:Athena:WorkGroup"] = "data-lake",
            ["Orchestrator:Athena:OutputLocation"] = "s3://athena-results/orchestrator/",
            ["Orchestrator:Athena:PricePerTerabyte"] = "6.25",
        }).Build();
        var (options, valid) = ConfigurationReport.Evaluate(configuration);

        var errors = Errors(
            ("Orchestrator:Athena:WorkGroup", "no spaces allowed"),
            ("Orchestrator:Athena:OutputLocation", "athena-results/"),
            ("Orchestrator:Athena:MaxConcurrentDdl", "21"),
            ("Orchestrator:Athena:PricePerTerabyte", "-1"));

        Assert.Empty(valid);
        Assert.Equal("data-lake", options.Athena.WorkGroup);
        Assert.Equal(6.25, options.Athena.PricePerTerabyte);
        Assert.Equal(5, options.Athena.MaxConcurrentDdl);
        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("Orchestrator:Athena:WorkGroup: 'no spaces allowed'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Orchestrator:Athena:OutputLocation: 'athena-results/'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Orchestrator:Athena:MaxConcurrentDdl: 21", StringComparison.Ordinal)
                                     && e.Contains("DDL quota", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Orchestrator:Athena:PricePerTerabyte: -1", StringComparison.Ordinal));
    }
}
