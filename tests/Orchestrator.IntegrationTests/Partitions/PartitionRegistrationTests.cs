using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.IntegrationTests.Conformance;
using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.IntegrationTests.Scheduling;
using Orchestrator.Jobs.Aws;
using Orchestrator.Jobs.Aws.Athena;
using Orchestrator.Jobs.Aws.Glue;
using Orchestrator.Jobs.Catalog;
using Orchestrator.Jobs.Queries;

namespace Orchestrator.IntegrationTests.Partitions;

/// <summary>
/// Every registration strategy against the Glue/Athena emulator, with the real clients (SigV4, retries) over a transport
/// that records every request that went over the wire, so "how many calls" is counted, not assumed.
/// </summary>
[Collection(GlueStackCollectionDefinition.Name)]
public sealed class PartitionRegistrationTests(GlueStackFixture stack) : IAsyncLifetime, IDisposable
{
    private readonly RecordingHandler wire = new();
    private GlueClient glue = null!;
    private AthenaClient athena = null!;
    private AthenaQueryRunner runner = null!;
    private Lake lake = null!;

    public async Task InitializeAsync()
    {
        var options = new AwsClientOptions
        {
            Region = "us-east-1",
            Credentials = new BasicAWSCredentials("test", "test"),
            BaseDelay = TimeSpan.FromMilliseconds(10),
            MaxDelay = TimeSpan.FromMilliseconds(50),
        };
        glue = new GlueClient(AwsClientFactory.Create(GlueClient.Descriptor, stack.GlueUrl, options, wire, _ => null, TimeProvider.System,
            NullLoggerFactory.Instance, () => 1.0));
        athena = new AthenaClient(AwsClientFactory.Create(AthenaClient.Descriptor, stack.GlueUrl, options, wire, _ => null, TimeProvider.System,
            NullLoggerFactory.Instance, () => 1.0));
        runner = new AthenaQueryRunner(athena, new AthenaQueryOptions { MinPollInterval = TimeSpan.FromMilliseconds(20) }, TimeProvider.System,
            NullLogger<AthenaQueryRunner>.Instance);
        lake = await stack.CreateLakeAsync();
        await ClearFaultsAsync();
    }

    public Task DisposeAsync() => ClearFaultsAsync();

    public void Dispose()
    {
        runner.Dispose();
        glue.Dispose();
        athena.Dispose();
        wire.Dispose();
    }

    [Fact]
    public async Task Two_hundred_fifty_new_partitions_take_three_BatchCreatePartition_calls_and_all_arrive()
    {
        var registrar = Registrar();

        int registered = await registrar.RegisterAsync(Raw(), "sales", "raw", Targets(250), CancellationToken.None);

        Assert.Equal(250, registered);
        Assert.Equal(["GetTable", "BatchCreatePartition", "BatchCreatePartition", "BatchCreatePartition"], Operations());
        Assert.Equal([100, 100, 50], BatchSizes());
        Assert.Equal(250, (await stack.PartitionsAsync(lake.Database, "raw_sales")).Count);
        var one = await glue.GetPartitionsAsync(new() { DatabaseName = lake.Database, TableName = "raw_sales", Expression = "year = 2001 AND month = 7" });
        Assert.Equal($"s3://{GlueStackFixture.Bucket}/{lake.RawPrefix}year=2001/month=07/", Assert.Single(one.Partitions!).StorageDescriptor!.Location);
    }

    [Fact]
    public async Task Partitions_already_known_cost_no_call_at_all()
    {
        var registrar = Registrar();
        await registrar.RegisterAsync(Raw(), "sales", "raw", Targets(120), CancellationToken.None);
        wire.Clear();

        int again = await registrar.RegisterAsync(Raw(), "sales", "raw", Targets(120), CancellationToken.None);
        int mixed = await registrar.RegisterAsync(Raw(), "sales", "raw", Targets(130), CancellationToken.None);

        Assert.Equal(120, again);
        Assert.Equal(130, mixed);
        // Only the ten new ones were sent, and the table description came from the cache: one call, no GetTable.
        Assert.Equal(["BatchCreatePartition"], Operations());
        Assert.Equal([10], BatchSizes());
    }

    [Fact]
    public async Task Partitions_that_exist_in_the_catalog_but_not_in_the_cache_count_as_registered()
    {
        await Registrar().RegisterAsync(Raw(), "sales", "raw", Targets(30), CancellationToken.None);
        wire.Clear();

        // Another process (a fresh cache): Glue says AlreadyExists for every item, which is success.
        int registered = await Registrar().RegisterAsync(Raw(), "sales", "raw", Targets(30), CancellationToken.None);

        Assert.Equal(30, registered);
        Assert.Equal(["GetTable", "BatchCreatePartition"], Operations());
        Assert.Equal(30, (await stack.PartitionsAsync(lake.Database, "raw_sales")).Count);
    }

    [Fact]
    public async Task Items_that_fail_on_their_own_are_retried_alone()
    {
        await SetFaultAsync(new JsonObject { ["operation"] = "BatchCreatePartition", ["itemErrors"] = 3 });

        int registered = await Registrar().RegisterAsync(Raw(), "sales", "raw", Targets(250), CancellationToken.None);

        Assert.Equal(250, registered);
        // The first call's first three items failed; they alone were sent again, before the next hundred.
        Assert.Equal([100, 3, 100, 50], BatchSizes());
        var retried = JsonNode.Parse(wire.Exchanges.Where(e => e.Operation == "BatchCreatePartition").ElementAt(1).RequestBody)!;
        var first = JsonNode.Parse(wire.Exchanges.First(e => e.Operation == "BatchCreatePartition").RequestBody)!;
        Assert.Equal(
            first["PartitionInputList"]!.AsArray().Take(3).Select(p => p!["Values"]!.ToJsonString()),
            retried["PartitionInputList"]!.AsArray().Select(p => p!["Values"]!.ToJsonString()));
        Assert.Equal(250, (await stack.PartitionsAsync(lake.Database, "raw_sales")).Count);
    }

    [Fact]
    public async Task Athena_ddl_adds_the_partitions_with_one_statement_under_the_limit()
    {
        var registrar = Registrar();

        int registered = await registrar.RegisterAsync(Raw(PartitionRegistration.AthenaDdl), "sales", "raw", Targets(250), CancellationToken.None);

        Assert.Equal(250, registered);
        var started = wire.Exchanges.Where(e => e.Operation == "StartQueryExecution").ToList();
        string sql = (string)JsonNode.Parse(Assert.Single(started).RequestBody)!["QueryString"]!;
        Assert.StartsWith($"ALTER TABLE `{lake.Database}`.`raw_sales` ADD IF NOT EXISTS PARTITION (`year` = '2000', `month` = '01') LOCATION ", sql, StringComparison.Ordinal);
        Assert.DoesNotContain(wire.Exchanges, e => e.Operation == "BatchCreatePartition");
        Assert.Equal(250, (await stack.PartitionsAsync(lake.Database, "raw_sales")).Count);
        var one = await glue.GetPartitionsAsync(new() { DatabaseName = lake.Database, TableName = "raw_sales", Expression = "year = 2001 AND month = 7" });
        Assert.Equal($"s3://{GlueStackFixture.Bucket}/{lake.RawPrefix}year=2001/month=07/", Assert.Single(one.Partitions!).StorageDescriptor!.Location);

        // Known now: the same batch again costs nothing.
        wire.Clear();
        await registrar.RegisterAsync(Raw(PartitionRegistration.AthenaDdl), "sales", "raw", Targets(250), CancellationToken.None);
        Assert.Empty(wire.Exchanges);
    }

    [Fact]
    public async Task A_value_outside_the_column_type_is_refused_before_Glue_or_Athena_sees_it()
    {
        foreach (var strategy in Enum.GetValues<PartitionRegistration>())
        {
            wire.Clear();
            var hostile = new PartitionRegistrar.Target(["2024", "01') LOCATION 's3://evil/' --"], "year=2024/month=x/");

            var error = await Assert.ThrowsAsync<PartitionRejectedException>(() =>
                Registrar().RegisterAsync(Raw(strategy, "crawler"), "sales", "raw", [hostile], CancellationToken.None));

            Assert.Contains("Partition column month", error.Message, StringComparison.Ordinal);
            Assert.Equal(["GetTable"], Operations());
        }

        Assert.Empty(await stack.PartitionsAsync(lake.Database, "raw_sales"));
    }

    [Fact]
    public async Task The_crawler_strategy_starts_the_crawler_and_a_running_crawler_is_already_doing_it()
    {
        string crawler = $"crawler_{lake.Database}";
        await stack.Aws.GlueAsync("CreateCrawler", new JsonObject
        {
            ["Name"] = crawler,
            ["Role"] = "arn:aws:iam::000000000000:role/crawler",
            ["DatabaseName"] = lake.Database,
            ["Targets"] = new JsonObject { ["S3Targets"] = new JsonArray(new JsonObject { ["Path"] = $"s3://{GlueStackFixture.Bucket}/{lake.RawPrefix}" }) },
        }.ToJsonString());
        await stack.UploadAsync(lake, 2024, 1, "a.csv", [(1, "alice", 1.5)]);
        await stack.UploadAsync(lake, 2024, 2, "b.csv", [(2, "bob", 2.5)]);
        var registrar = Registrar();
        var table = Raw(PartitionRegistration.Crawler, crawler);

        await registrar.RegisterAsync(table, "sales", "raw", [Target(2024, 1)], CancellationToken.None);
        await registrar.RegisterAsync(table, "sales", "raw", [Target(2024, 2)], CancellationToken.None); // still running: no error

        var starts = wire.Exchanges.Where(e => e.Operation == "StartCrawler").ToList();
        Assert.Equal(2, starts.Count);
        Assert.Contains("CrawlerRunningException", starts[1].ResponseBody, StringComparison.Ordinal);
        Assert.DoesNotContain(wire.Exchanges, e => e.Operation == "BatchCreatePartition");
        var partitions = await Eventually.WaitForAsync(() => stack.PartitionsAsync(lake.Database, "raw_sales"), p => p.Count == 2,
            TimeSpan.FromSeconds(30), "the crawler's partitions");
        Assert.Equal(["2024/01", "2024/02"], partitions);
    }

    [Fact]
    public async Task A_table_with_partition_projection_is_left_alone_by_every_strategy()
    {
        await stack.Aws.GlueAsync("UpdateTable", new JsonObject
        {
            ["DatabaseName"] = lake.Database,
            ["TableInput"] = new JsonObject
            {
                ["Name"] = "raw_sales",
                ["PartitionKeys"] = JsonNode.Parse("""[{"Name":"year","Type":"int"},{"Name":"month","Type":"int"}]"""),
                ["Parameters"] = new JsonObject { ["projection.enabled"] = "true", ["projection.year.type"] = "integer" },
                ["StorageDescriptor"] = new JsonObject
                {
                    ["Columns"] = JsonNode.Parse("""[{"Name":"id","Type":"int"}]"""),
                    ["Location"] = $"s3://{GlueStackFixture.Bucket}/{lake.RawPrefix}",
                },
            },
        }.ToJsonString());

        foreach (var strategy in Enum.GetValues<PartitionRegistration>())
        {
            wire.Clear();
            int registered = await Registrar().RegisterAsync(Raw(strategy, "no_such_crawler"), "sales", "raw", Targets(20), CancellationToken.None);

            Assert.Equal(20, registered);
            Assert.Equal(["GetTable"], Operations());
        }

        Assert.Empty(await stack.PartitionsAsync(lake.Database, "raw_sales"));
    }

    [Fact]
    public async Task Each_batch_is_one_span_with_table_strategy_partitions_and_calls()
    {
        var spans = new System.Collections.Concurrent.ConcurrentQueue<System.Diagnostics.Activity>();
        string table = $"{lake.Database}.raw_sales";
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == Orchestrator.Jobs.GlueRuns.GlueRunTelemetry.Name,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                // Other test collections run Glue runs in parallel: keep only this test's table.
                if (activity.OperationName == "orchestrator.partitions.register" && (string?)activity.GetTagItem("orchestrator.table") == table)
                {
                    spans.Enqueue(activity);
                }
            },
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        var registrar = Registrar();

        await registrar.RegisterAsync(Raw(), "sales", "raw", Targets(150), CancellationToken.None);
        await registrar.RegisterAsync(Raw(), "sales", "raw", Targets(150), CancellationToken.None);

        var batches = spans.ToList();
        Assert.Equal(2, batches.Count);
        Assert.All(batches, b => Assert.Equal("GlueApi", b.GetTagItem("orchestrator.partitions.strategy")));
        Assert.All(batches, b => Assert.Equal("raw", b.GetTagItem("orchestrator.partitions.kind")));
        Assert.Equal([150, 150], batches.Select(b => (int)b.GetTagItem("orchestrator.partitions.count")!));
        Assert.Equal([150, 0], batches.Select(b => (int)b.GetTagItem("orchestrator.partitions.new")!));
        Assert.Equal([3, 0], batches.Select(b => (int)b.GetTagItem("orchestrator.partitions.calls")!)); // GetTable + 2 batches, then nothing
        Assert.Equal([150, 0], batches.Select(b => (int)b.GetTagItem("orchestrator.partitions.added")!));
    }

    [Fact]
    public async Task The_output_scan_finds_new_partition_folders_and_skips_known_ones_and_stray_objects()
    {
        foreach (string key in new[]
        {
            "year=2024/month=1/part-0.parquet", "year=2024/month=1/part-1.parquet", "year=2024/month=2/part-0.parquet",
            "year=2025/month=12/deep/part-0.parquet", "_SUCCESS", "year=2024/_temporary/x", "year=2024/month=3", "month=1/year=2024/x",
            "year=20%2724/month=1/x",
        })
        {
            await stack.Emulator.S3.PutObjectAsync(new PutObjectRequest { BucketName = GlueStackFixture.Bucket, Key = lake.CuratedPrefix + key, ContentBody = "x" });
        }

        var output = new TableRef(lake.Database, "my_table");
        var known = new KnownPartitions();
        known.Add(output, [["2024", "1"]]);
        var scanner = new OutputPartitionScanner(stack.Emulator.S3, new TableDescriptions(glue, TimeProvider.System), known);

        var found = await scanner.FindAsync(output, DateTimeOffset.UtcNow.AddMinutes(-5), CancellationToken.None);
        var later = await scanner.FindAsync(output, DateTimeOffset.UtcNow.AddMinutes(10), CancellationToken.None);

        // 2024/1 is known; 2024/_temporary, a bare object named like a folder, keys in the wrong order and a quote are not partitions.
        Assert.Equal(["2024/2/year=2024/month=2/", "2025/12/year=2025/month=12/"],
            found.Select(t => string.Join('/', t.Values) + "/" + t.Folder).Order(StringComparer.Ordinal));
        Assert.Empty(later); // nothing written since then
    }

    private PartitionRegistrar Registrar()
    {
        var tables = new TableDescriptions(glue, TimeProvider.System);
        return new PartitionRegistrar(tables, new KnownPartitions(),
            [new GlueApiPartitionStrategy(glue), new AthenaDdlPartitionStrategy(runner), new CrawlerPartitionStrategy(glue, NullLogger<CrawlerPartitionStrategy>.Instance)],
            NullLogger<PartitionRegistrar>.Instance);
    }

    private TableRef Raw(PartitionRegistration registration = PartitionRegistration.GlueApi, string? crawler = null) =>
        new(lake.Database, "raw_sales", registration, registration == PartitionRegistration.Crawler ? crawler : null);

    private static PartitionRegistrar.Target Target(int year, int month) =>
        new([year.ToString(System.Globalization.CultureInfo.InvariantCulture), month.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)],
            $"year={year}/month={month:D2}/");

    /// <summary>Year 2000 + i / 12, month 1 + i % 12: <paramref name="count"/> distinct partitions, always the same ones first.</summary>
    private static List<PartitionRegistrar.Target> Targets(int count) =>
        Enumerable.Range(0, count).Select(i => Target(2000 + (i / 12), 1 + (i % 12))).ToList();

    private List<string> Operations() => wire.Exchanges.Select(e => e.Operation).ToList();

    private List<int> BatchSizes() => wire.Exchanges.Where(e => e.Operation == "BatchCreatePartition")
        .Select(e => JsonNode.Parse(e.RequestBody)!["PartitionInputList"]!.AsArray().Count).ToList();

    private async Task SetFaultAsync(JsonObject rule)
    {
        using var http = new HttpClient { BaseAddress = stack.GlueUrl };
        using var response = await http.PostAsJsonAsync("/__admin/faults", rule);
        response.EnsureSuccessStatusCode();
    }

    private async Task ClearFaultsAsync()
    {
        using var http = new HttpClient { BaseAddress = stack.GlueUrl };
        using var response = await http.DeleteAsync(new Uri("/__admin/faults", UriKind.Relative));
        response.EnsureSuccessStatusCode();
    }
}
