using System.Text.Json.Nodes;
using Amazon.S3.Model;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Orchestrator.IntegrationTests.Scheduling;
using Orchestrator.Jobs.Maintenance;

namespace Orchestrator.IntegrationTests.Maintenance;

/// <summary>Each maintenance kind against the Glue/Athena emulator, through the real clients, runner and configuration.</summary>
[Collection(GlueStackCollectionDefinition.Name)]
public sealed class MaintenanceTaskTests(GlueStackFixture stack) : IDisposable
{
    // FireTime - 1 day is 2024-01-31: year 2024, month 1, the partition the lakes hold.
    private static readonly DateTimeOffset Fire = new(2024, 2, 1, 4, 0, 0, TimeSpan.Zero);

    private readonly MaintenanceStack m = new(stack);
    private readonly string dataset = "m" + Guid.NewGuid().ToString("N")[..8];

    public void Dispose() => m.Dispose();

    [Fact]
    public async Task A_data_check_passes_or_fails_with_a_metric_and_a_logged_failure_and_its_values_travel_as_execution_parameters()
    {
        var lake = await m.LakeAsync();
        await stack.Emulator.S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = GlueStackFixture.Bucket,
            Key = $"{lake.RawPrefix}year=2024/month=01/c.csv",
            ContentBody = "id,name,amount,date\n,nobody,1.5,2024-01-20\n", // a row without an id
        });
        var tasks = MaintenanceStack.Tasks(dataset, lake, "raw_sales", new Dictionary<string, string>
        {
            ["0:Name"] = "has-rows",
            ["0:Cron"] = "0 0 4 * * ?",
            ["0:Kind"] = "Check",
            ["0:Sql"] = "SELECT count(*) FROM {table} WHERE year = {y} AND month = {m}",
            ["0:Parameters:y"] = "FireTime - 1 day as int 'yyyy'",
            ["0:Parameters:m"] = "FireTime - 1 day as int 'MM'",
            ["0:Expect"] = "> 0",
            ["1:Name"] = "no-null-ids",
            ["1:Cron"] = "0 0 4 * * ?",
            ["1:Kind"] = "Check",
            ["1:Sql"] = "SELECT count(*) FROM {table} WHERE id IS NULL AND year = {y}",
            ["1:Parameters:y"] = "FireTime - 1 day as int 'yyyy'",
            ["1:Expect"] = "= 0",
        });
        using var checks = new MetricCollector<long>(null, MaintenanceTelemetry.Name, "orchestrator.maintenance.checks");
        using var runs = new MetricCollector<long>(null, MaintenanceTelemetry.Name, "orchestrator.maintenance.runs");

        var passed = await m.Runner.RunAsync(tasks.Find(dataset, "has-rows")!, Fire, CancellationToken.None);
        var failed = await m.Runner.RunAsync(tasks.Find(dataset, "no-null-ids")!, Fire, CancellationToken.None);

        Assert.Equal("succeeded", passed.Outcome);
        Assert.Contains("4 meets > 0", passed.Detail, StringComparison.Ordinal);
        Assert.Equal("failed", failed.Outcome);
        Assert.Contains("1 does not meet = 0", failed.Detail, StringComparison.Ordinal);
        var mine = checks.GetMeasurementSnapshot().Where(x => (string?)x.Tags["dataset"] == dataset).ToList();
        Assert.Equal(1, mine.Single(x => (string?)x.Tags["check"] == "has-rows" && (string?)x.Tags["result"] == "passed").Value);
        Assert.Equal(1, mine.Single(x => (string?)x.Tags["check"] == "no-null-ids" && (string?)x.Tags["result"] == "failed").Value);
        Assert.Equal(2, mine.Count);
        var outcomes = runs.GetMeasurementSnapshot().Where(x => (string?)x.Tags["dataset"] == dataset)
            .Select(x => $"{x.Tags["task"]}:{x.Tags["kind"]}:{x.Tags["outcome"]}").Order().ToList();
        Assert.Equal(["has-rows:check:succeeded", "no-null-ids:check:failed"], outcomes);
        var logged = m.Logs.GetSnapshot().Single(l => l.Message.StartsWith("Data check no-null-ids of " + dataset + " FAILED", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Error, logged.Level);

        // The fire-time values are ExecutionParameters, not part of the SQL text Athena received.
        var (_, _, queries) = await m.AthenaSeenAsync();
        var query = queries.Single(q => q.Token == MaintenanceTokens.For(dataset, "has-rows", Fire));
        Assert.Equal($"SELECT count(*) FROM {lake.Database}.raw_sales WHERE year = ? AND month = ?", query.Query);
    }

    [Fact]
    public async Task A_sql_task_runs_its_statement_with_named_parameters()
    {
        var lake = await m.LakeAsync();
        var tasks = MaintenanceStack.Tasks(dataset, lake, "raw_sales", new Dictionary<string, string>
        {
            ["0:Name"] = "monthly-summary",
            ["0:Cron"] = "0 0 4 1 * ?",
            ["0:Kind"] = "Sql",
            ["0:Sql"] = $"CREATE TABLE {{database}}.summary WITH (format = 'PARQUET', external_location = 's3://{GlueStackFixture.Bucket}/{lake.CuratedPrefix}summary/') " +
                        "AS SELECT name, sum(amount) AS total FROM {table} WHERE year = {y} AND month = {m} AND name <> {excluded} GROUP BY name",
            ["0:Parameters:y"] = "FireTime - 1 month as int 'yyyy'",
            ["0:Parameters:m"] = "FireTime - 1 month as int 'MM'",
            ["0:Parameters:excluded"] = "'bob'",
        });

        var outcome = await m.Runner.RunAsync(tasks.All.Single(), Fire, CancellationToken.None);

        Assert.Equal("succeeded", outcome.Outcome);
        var rows = await m.SqlAsync("SELECT name, total FROM summary ORDER BY name", lake);
        Assert.Equal(["alice:10.0", "carol:7.25"], rows.Select(r => $"{r[0]}:{r[1]}"));
    }

    [Fact]
    public async Task Msck_repair_registers_the_partitions_found_in_s3()
    {
        var lake = await m.LakeAsync();
        await stack.UploadAsync(lake, 2024, 2, "a.csv", [(4, "dave", 1)]);
        var tasks = MaintenanceStack.Tasks(dataset, lake, "raw_sales", new Dictionary<string, string>
        {
            ["0:Name"] = "repair",
            ["0:Cron"] = "0 0 6 ? * SUN",
            ["0:Kind"] = "Msck",
        });
        static bool February(string p) => p.StartsWith("2024/", StringComparison.Ordinal) && int.Parse(p[5..], System.Globalization.CultureInfo.InvariantCulture) == 2;
        Assert.DoesNotContain(await stack.PartitionsAsync(lake.Database, "raw_sales"), February);

        var outcome = await m.Runner.RunAsync(tasks.All.Single(), Fire, CancellationToken.None);

        Assert.Equal("succeeded", outcome.Outcome);
        Assert.Single(await stack.PartitionsAsync(lake.Database, "raw_sales"), February); // (the folder month=01 is found as '01' as well)
        var (_, _, queries) = await m.AthenaSeenAsync();
        Assert.Equal($"MSCK REPAIR TABLE {lake.Database}.raw_sales", queries.Single(q => q.Token == MaintenanceTokens.For(dataset, "repair", Fire)).Query);
    }

    [Fact]
    public async Task Optimize_on_a_table_that_is_not_iceberg_is_skipped_with_a_log_and_no_query()
    {
        var lake = await m.LakeAsync();
        var tasks = MaintenanceStack.Tasks(dataset, lake, "raw_sales", new Dictionary<string, string>
        {
            ["0:Name"] = "optimize",
            ["0:Cron"] = "0 0 3 * * ?",
            ["0:Kind"] = "Optimize",
        });

        var outcome = await m.Runner.RunAsync(tasks.All.Single(), Fire, CancellationToken.None);

        Assert.Equal("skipped", outcome.Outcome);
        Assert.Contains($"{lake.Database}.raw_sales is not an Iceberg table", outcome.Detail, StringComparison.Ordinal);
        Assert.Contains(m.Logs.GetSnapshot(), l => l.Message.StartsWith($"Maintenance {dataset}/optimize (optimize) skipped", StringComparison.Ordinal));
        var (_, _, queries) = await m.AthenaSeenAsync();
        Assert.DoesNotContain(queries, q => q.Token == MaintenanceTokens.For(dataset, "optimize", Fire));
    }

    [Fact]
    public async Task Optimize_and_vacuum_run_on_iceberg_tables_unless_glue_manages_them()
    {
        var lake = await stack.CreateLakeAsync();
        await stack.Aws.GlueAsync("CreateTable", new JsonObject
        {
            ["DatabaseName"] = lake.Database,
            ["TableInput"] = new JsonObject
            {
                ["Name"] = "events",
                ["TableType"] = "EXTERNAL_TABLE",
                ["Parameters"] = new JsonObject { ["table_type"] = "ICEBERG" },
                ["StorageDescriptor"] = new JsonObject
                {
                    ["Columns"] = new JsonArray(new JsonObject { ["Name"] = "id", ["Type"] = "int" }),
                    ["Location"] = $"s3://{GlueStackFixture.Bucket}/{lake.CuratedPrefix}events/",
                },
            },
        }.ToJsonString());
        var tasks = MaintenanceStack.Tasks(dataset, lake, "events", new Dictionary<string, string>
        {
            ["0:Name"] = "optimize",
            ["0:Cron"] = "0 0 3 * * ?",
            ["0:Kind"] = "Optimize",
            ["1:Name"] = "vacuum",
            ["1:Cron"] = "0 0 3 ? * SUN",
            ["1:Kind"] = "Vacuum",
        });
        // A compaction optimizer that is switched off does not stop OPTIMIZE; an enabled retention optimizer stops VACUUM.
        await CreateOptimizerAsync(lake, "events", "compaction", enabled: false);
        await CreateOptimizerAsync(lake, "events", "retention", enabled: true);

        var optimize = await m.Runner.RunAsync(tasks.Find(dataset, "optimize")!, Fire, CancellationToken.None);
        var vacuum = await m.Runner.RunAsync(tasks.Find(dataset, "vacuum")!, Fire, CancellationToken.None);
        await stack.Aws.GlueAsync("DeleteTableOptimizer", Optimizer(lake, "events", "retention").ToJsonString());
        var vacuumUnmanaged = await m.Runner.RunAsync(tasks.Find(dataset, "vacuum")!, Fire.AddDays(7), CancellationToken.None);

        Assert.Equal("succeeded", optimize.Outcome);
        Assert.Equal("skipped", vacuum.Outcome);
        Assert.Contains($"Glue's managed retention optimizer is enabled for {lake.Database}.events", vacuum.Detail, StringComparison.Ordinal);
        Assert.Contains(m.Logs.GetSnapshot(), l => l.Message.StartsWith($"Maintenance {dataset}/vacuum (vacuum) skipped: Glue's managed retention optimizer", StringComparison.Ordinal));
        Assert.Equal("succeeded", vacuumUnmanaged.Outcome);
        var (_, _, queries) = await m.AthenaSeenAsync();
        Assert.Equal($"OPTIMIZE {lake.Database}.events REWRITE DATA USING BIN_PACK", queries.Single(q => q.Token == MaintenanceTokens.For(dataset, "optimize", Fire)).Query);
        Assert.DoesNotContain(queries, q => q.Token == MaintenanceTokens.For(dataset, "vacuum", Fire));
        Assert.Equal($"VACUUM {lake.Database}.events", queries.Single(q => q.Token == MaintenanceTokens.For(dataset, "vacuum", Fire.AddDays(7))).Query);
    }

    [Fact]
    public async Task Compact_rewrites_a_partition_to_a_new_location_then_points_the_partition_there_keeping_every_row_and_the_old_files()
    {
        var lake = await m.LakeAsync();
        string oldLocation = $"s3://{GlueStackFixture.Bucket}/{lake.CuratedPrefix}year=2024/month=1/";
        await m.SqlAsync($"CREATE TABLE seed WITH (format = 'PARQUET', external_location = '{oldLocation}') AS " +
                         "SELECT id, name, amount, \"date\" FROM raw_sales WHERE year = 2024 AND month = 1", lake);
        await m.SqlAsync("DROP TABLE seed", lake);
        await m.SqlAsync($"ALTER TABLE my_table ADD PARTITION (year = 2024, month = 1) LOCATION '{oldLocation}'", lake);
        var before = await m.SqlAsync("SELECT id, name, amount FROM my_table WHERE year = 2024 AND month = 1 ORDER BY id", lake);
        var oldFiles = (await stack.Emulator.S3.ListObjectsV2Async(new ListObjectsV2Request
        {
            BucketName = GlueStackFixture.Bucket,
            Prefix = $"{lake.CuratedPrefix}year=2024/month=1/",
        })).S3Objects.Select(o => o.Key).ToList();
        var tasks = MaintenanceStack.Tasks(dataset, lake, "my_table", new Dictionary<string, string>
        {
            ["0:Name"] = "compact-last-month",
            ["0:Cron"] = "0 0 5 * * ?",
            ["0:Kind"] = "Compact",
            ["0:Partition:year"] = "FireTime - 1 day as int 'yyyy'",
            ["0:Partition:month"] = "FireTime - 1 day as int 'MM'",
        });
        var task = tasks.All.Single();

        var outcome = await m.Runner.RunAsync(task, Fire, CancellationToken.None);
        var again = await m.Runner.RunAsync(task, Fire, CancellationToken.None); // the same fire time again, as after a crash
        var notRegistered = await m.Runner.RunAsync(task, Fire.AddMonths(1), CancellationToken.None); // February is not registered

        Assert.Equal("succeeded", outcome.Outcome);
        Assert.Equal("succeeded", again.Outcome);
        Assert.Equal("skipped", notRegistered.Outcome);
        Assert.Contains("partition (year=2024, month=2)", notRegistered.Detail, StringComparison.Ordinal);
        var partition = await stack.Aws.GlueAsync("GetPartition",
            $$"""{"DatabaseName":"{{lake.Database}}","TableName":"my_table","PartitionValues":["2024","1"]}""");
        string location = (string)partition["Partition"]!["StorageDescriptor"]!["Location"]!;
        Assert.StartsWith($"s3://{GlueStackFixture.Bucket}/{lake.CuratedPrefix.TrimEnd('/')}__compacted/year=2024/month=1/", location, StringComparison.Ordinal);
        Assert.Equal(before.Select(r => string.Join(',', r)), (await m.SqlAsync("SELECT id, name, amount FROM my_table WHERE year = 2024 AND month = 1 ORDER BY id", lake)).Select(r => string.Join(',', r)));
        Assert.Equal(3, before.Count);
        foreach (string key in oldFiles)
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await stack.Emulator.S3.GetObjectMetadataAsync(GlueStackFixture.Bucket, key)).HttpStatusCode);
        }

        var tables = await stack.Aws.GlueAsync("GetTables", $$"""{"DatabaseName":"{{lake.Database}}"}""");
        Assert.DoesNotContain(((JsonArray)tables["TableList"]!).Select(t => (string)t!["Name"]!), n => n.Contains("__compact_", StringComparison.Ordinal));
        var (_, _, queries) = await m.AthenaSeenAsync();
        Assert.Single(queries, q => q.Token == MaintenanceTokens.For(dataset, task.Name, Fire, "ctas")); // not repeated by the second run
        Assert.Single(queries, q => q.Token == MaintenanceTokens.For(dataset, task.Name, Fire, "set-location"));
    }

    [Fact]
    public async Task A_task_run_is_one_span_parenting_its_query_spans_and_throttling_is_waited_out()
    {
        var lake = await m.LakeAsync();
        var tasks = MaintenanceStack.Tasks(dataset, lake, "raw_sales", new Dictionary<string, string>
        {
            ["0:Name"] = "has-rows",
            ["0:Cron"] = "0 0 4 * * ?",
            ["0:Kind"] = "Check",
            ["0:Sql"] = "SELECT count(*) FROM {table}",
            ["0:Expect"] = "> 0",
        });
        var spans = new System.Collections.Concurrent.ConcurrentBag<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = s => s.Name is MaintenanceTelemetry.Name or Orchestrator.Jobs.Queries.AthenaQueryTelemetry.Name,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        using var throttled = new MetricCollector<long>(null, Orchestrator.Jobs.Queries.AthenaQueryTelemetry.Name, "orchestrator.athena.throttled");
        // The AWS client retries a throttled call 5 times itself; the 6 refusals make one call fail to the runner, which backs off.
        await m.FaultAsync(new { operation = "StartQueryExecution", throttleRate = 1.0, count = 6 });
        MaintenanceOutcome outcome;
        try
        {
            outcome = await m.Runner.RunAsync(tasks.All.Single(), Fire, CancellationToken.None);
        }
        finally
        {
            await m.ClearFaultsAsync();
        }

        Assert.Equal("succeeded", outcome.Outcome);
        Assert.True(throttled.GetMeasurementSnapshot().Sum(x => x.Value) >= 1); // TooManyRequestsException reached the runner, then the start went through
        var run = spans.Single(a => a.Source.Name == MaintenanceTelemetry.Name && (string?)a.GetTagItem("orchestrator.dataset") == dataset);
        var query = spans.Single(a => a.Source.Name == Orchestrator.Jobs.Queries.AthenaQueryTelemetry.Name && (string?)a.GetTagItem("orchestrator.dataset") == dataset);
        Assert.Equal("orchestrator.maintenance check", run.OperationName);
        Assert.Equal("has-rows", run.GetTagItem("orchestrator.maintenance.task"));
        Assert.Equal("check", run.GetTagItem("orchestrator.maintenance.kind"));
        Assert.Equal("succeeded", run.GetTagItem("orchestrator.maintenance.outcome"));
        Assert.Equal(MaintenanceTokens.For(dataset, "has-rows", Fire), run.GetTagItem("orchestrator.maintenance.token"));
        Assert.Equal(run.SpanId, query.ParentSpanId);
        Assert.Equal(run.TraceId, query.TraceId);
        Assert.Equal("SUCCEEDED", query.GetTagItem("athena.state"));
        Assert.NotNull(query.GetTagItem("athena.query_execution_id"));
    }

    private async Task CreateOptimizerAsync(Scheduling.Lake lake, string table, string type, bool enabled)
    {
        var body = Optimizer(lake, table, type);
        body["TableOptimizerConfiguration"] = new JsonObject { ["roleArn"] = "arn:aws:iam::000000000000:role/optimizer", ["enabled"] = enabled };
        await stack.Aws.GlueAsync("CreateTableOptimizer", body.ToJsonString());
    }

    private static JsonObject Optimizer(Scheduling.Lake lake, string table, string type) => new()
    {
        ["CatalogId"] = "000000000000",
        ["DatabaseName"] = lake.Database,
        ["TableName"] = table,
        ["Type"] = type,
    };
}
