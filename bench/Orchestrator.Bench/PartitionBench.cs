using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Jobs.Aws;
using Orchestrator.Jobs.Aws.Glue;
using Orchestrator.Jobs.Aws.Glue.Model;
using Orchestrator.Jobs.Catalog;
using Orchestrator.Jobs.Queries;

namespace Orchestrator.Bench;

/// <summary>
/// Partition registration, three ways in one run against one Glue/Athena emulator and one S3: 10,000 objects over 100 daily
/// partitions, 50 of which exist before the run, arriving in debounce windows. Orchestrator: the distinct partitions of each
/// window through <see cref="PartitionRegistrar"/> (Glue API, known-partition cache) — once warm (it registered the 50 itself
/// earlier, as its ledger would say) and once cold (a fresh process that knows nothing). The seed's way: MSCK REPAIR TABLE
/// after each window. The naive way: one ALTER TABLE ADD PARTITION per object. Calls are every Glue/Athena API call the
/// clients made (orchestrator.aws.calls, Athena's GetQueryExecution polls included); setup and uploads are not counted.
/// </summary>
internal static class PartitionBench
{
    private const int Partitions = 100;
    private const int Existing = 50;
    private const string Bucket = "bench-lake";

    public static async Task RunAsync(string s3Endpoint, string glueEndpoint, int objects, int windows)
    {
        var credentials = new BasicAWSCredentials("bench", "bench");
        using var s3 = new AmazonS3Client(credentials, new AmazonS3Config { ServiceURL = s3Endpoint, ForcePathStyle = true });
        var options = new AwsClientOptions { Region = "us-east-1", Credentials = credentials, GlueEndpoint = new Uri(glueEndpoint), AthenaEndpoint = new Uri(glueEndpoint) };
        var glue = AwsClientFactory.CreateGlueClient(options);
        var athena = AwsClientFactory.CreateAthenaClient(options);
        using var runner = new AthenaQueryRunner(athena, new AthenaQueryOptions { MinPollInterval = TimeSpan.FromMilliseconds(10), MaxPollInterval = TimeSpan.FromMilliseconds(100) },
            TimeProvider.System, NullLogger<AthenaQueryRunner>.Instance);
        using var calls = new CallCounter();

        string id = Guid.NewGuid().ToString("N")[..8];
        string database = $"bench_{id}";
        string prefix = $"{id}/events/";
        string location = $"s3://{Bucket}/{prefix}";
        await s3.PutBucketAsync(Bucket);
        await SetupAsync(glueEndpoint, "CreateDatabase", $$$"""{"DatabaseInput":{"Name":"{{{database}}}"}}""");
        string[] tables = ["orchestrator", "orchestrator_cold", "msck", "per_object"];
        foreach (string table in tables)
        {
            await CreateTableAsync(glueEndpoint, database, table, location);
        }

        var days = Enumerable.Range(0, Partitions).Select(d => new DateOnly(2024, 1, 1).AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray();
        PartitionRegistrar.Target Target(string day) => new([day], $"day={day}/");

        // Before the run: 50 partitions exist in every table, each with one object.
        await UploadAsync(s3, days.Take(Existing).Select((day, i) => $"{prefix}day={day}/existing-{i}.csv").ToList());
        var warm = Registrar(glue, runner);
        await warm.RegisterAsync(new TableRef(database, "orchestrator"), "bench", "raw", days.Take(Existing).Select(Target).ToList(), CancellationToken.None);
        var seed = Registrar(glue, runner);
        foreach (string table in tables.Skip(1))
        {
            await seed.RegisterAsync(new TableRef(database, table), "bench", "raw", days.Take(Existing).Select(Target).ToList(), CancellationToken.None);
        }

        var cold = Registrar(glue, runner);
        var random = new Random(42);
        var keys = Enumerable.Range(0, objects).Select(i => (Day: days[random.Next(Partitions)], Key: "")).Select((o, i) => (o.Day, Key: $"{prefix}day={o.Day}/object-{i:D5}.csv")).ToList();
        var results = tables.ToDictionary(t => t, _ => (Calls: 0L, Seconds: 0.0, ByMethod: new Dictionary<string, long>(StringComparer.Ordinal)));
        int perWindow = (objects + windows - 1) / windows;
        Console.WriteLine($"# {objects:N0} objects over {Partitions} partitions ({Existing} existing), {windows} windows of {perWindow:N0}");
        foreach (var window in keys.Chunk(perWindow))
        {
            await UploadAsync(s3, window.Select(o => o.Key).ToList()); // not measured: S3 and the notifications are the same for all
            var partitions = window.Select(o => o.Day).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(Target).ToList();
            await MeasureAsync(calls, results, "orchestrator", () => warm.RegisterAsync(new TableRef(database, "orchestrator"), "bench", "raw", partitions, CancellationToken.None));
            await MeasureAsync(calls, results, "orchestrator_cold", () => cold.RegisterAsync(new TableRef(database, "orchestrator_cold"), "bench", "raw", partitions, CancellationToken.None));
            await MeasureAsync(calls, results, "msck", async () =>
                (await runner.RunAsync(new AthenaStatement($"MSCK REPAIR TABLE `{database}`.`msck`", database, "bench", "bench.msck", IsDdl: true), CancellationToken.None))
                .EnsureSucceeded());
            await MeasureAsync(calls, results, "per_object", async () =>
            {
                foreach (var (day, _) in window)
                {
                    string sql = $"ALTER TABLE `{database}`.`per_object` ADD IF NOT EXISTS PARTITION (`day` = '{day}') LOCATION '{location}day={day}/'";
                    (await runner.RunAsync(new AthenaStatement(sql, database, "bench", "bench.per_object", IsDdl: true), CancellationToken.None)).EnsureSucceeded();
                }
            });
        }

        Console.WriteLine();
        Console.WriteLine($"{"approach",-20} {"calls",8} {"seconds",9}  partitions after  calls by operation");
        foreach (string table in tables)
        {
            var response = await glue.GetPartitionsAsync(new GetPartitionsRequest { DatabaseName = database, TableName = table, MaxResults = 1000 });
            var (n, seconds, byMethod) = results[table];
            Console.WriteLine($"{table,-20} {n,8} {seconds,9:F2}  {response.Partitions?.Count ?? 0,16}  {string.Join(", ", byMethod.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key} {m.Value}"))}");
        }

        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["orchestrator_calls"] = results["orchestrator"].Calls,
            ["orchestrator_seconds"] = Math.Round(results["orchestrator"].Seconds, 3),
            ["orchestrator_cold_calls"] = results["orchestrator_cold"].Calls,
            ["orchestrator_cold_seconds"] = Math.Round(results["orchestrator_cold"].Seconds, 3),
            ["msck_calls"] = results["msck"].Calls,
            ["msck_seconds"] = Math.Round(results["msck"].Seconds, 3),
            ["per_object_calls"] = results["per_object"].Calls,
            ["per_object_seconds"] = Math.Round(results["per_object"].Seconds, 3),
            ["objects"] = objects,
            ["partitions"] = Partitions,
            ["existing_partitions"] = Existing,
            ["windows"] = windows,
        }));
    }

    private static PartitionRegistrar Registrar(IAmazonGlue glue, AthenaQueryRunner runner) =>
        new(new TableDescriptions(glue, TimeProvider.System), new KnownPartitions(),
            [new GlueApiPartitionStrategy(glue), new AthenaDdlPartitionStrategy(runner), new CrawlerPartitionStrategy(glue, NullLogger<CrawlerPartitionStrategy>.Instance)],
            NullLogger<PartitionRegistrar>.Instance);

    private static async Task MeasureAsync(CallCounter calls, Dictionary<string, (long Calls, double Seconds, Dictionary<string, long> ByMethod)> results,
        string approach, Func<Task> work)
    {
        calls.Reset();
        var stopwatch = Stopwatch.StartNew();
        await work();
        stopwatch.Stop();
        var (total, seconds, byMethod) = results[approach];
        foreach (var (method, count) in calls.Snapshot())
        {
            byMethod[method] = byMethod.GetValueOrDefault(method) + count;
        }

        results[approach] = (total + calls.Total, seconds + stopwatch.Elapsed.TotalSeconds, byMethod);
    }

    private static async Task UploadAsync(AmazonS3Client s3, List<string> keys)
    {
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(keys.Select(async key =>
        {
            await gate.WaitAsync();
            try
            {
                await s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, ContentBody = "id,name\n1,a\n" });
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    private static Task CreateTableAsync(string endpoint, string database, string table, string location) => SetupAsync(endpoint, "CreateTable", """
        {"DatabaseName":"__DB__","TableInput":{"Name":"__TABLE__","TableType":"EXTERNAL_TABLE","PartitionKeys":[{"Name":"day","Type":"date"}],
         "Parameters":{"classification":"csv","skip.header.line.count":"1"},
         "StorageDescriptor":{"Columns":[{"Name":"id","Type":"int"},{"Name":"name","Type":"string"}],"Location":"__LOCATION__",
           "InputFormat":"org.apache.hadoop.mapred.TextInputFormat","OutputFormat":"org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
           "SerdeInfo":{"SerializationLibrary":"org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe","Parameters":{"field.delim":","}}}}}
        """.Replace("__DB__", database, StringComparison.Ordinal).Replace("__TABLE__", table, StringComparison.Ordinal)
        .Replace("__LOCATION__", location, StringComparison.Ordinal));

    // The project's Glue client has only the operations the service uses; setup goes over plain HTTP and is not counted (the
    // emulator checks that a SigV4 Authorization header is there, not the signature).
    private static async Task SetupAsync(string endpoint, string operation, string body)
    {
        using var http = new HttpClient { BaseAddress = new Uri(endpoint) };
        using var content = new StringContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.1");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/", UriKind.Relative)) { Content = content };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AWSGlue." + operation);
        request.Headers.TryAddWithoutValidation("Authorization",
            "AWS4-HMAC-SHA256 Credential=bench/20250101/us-east-1/glue/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0123");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Counts orchestrator.aws.calls (one per API operation, retries not counted twice), by method.</summary>
    private sealed class CallCounter : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly Dictionary<string, long> byMethod = new(StringComparer.Ordinal);
        private readonly Lock gate = new();

        public CallCounter()
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == AwsTelemetryName && instrument.Name == "orchestrator.aws.calls")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                string method = "?";
                foreach (var tag in tags)
                {
                    if (tag.Key == "rpc.method")
                    {
                        method = tag.Value?.ToString() ?? "?";
                    }
                }

                lock (gate)
                {
                    byMethod[method] = byMethod.GetValueOrDefault(method) + value;
                }
            });
            listener.Start();
        }

        private const string AwsTelemetryName = "Orchestrator.Aws";

        public long Total
        {
            get
            {
                lock (gate)
                {
                    return byMethod.Values.Sum();
                }
            }
        }

        public void Reset()
        {
            lock (gate)
            {
                byMethod.Clear();
            }
        }

        public List<KeyValuePair<string, long>> Snapshot()
        {
            lock (gate)
            {
                return [.. byMethod];
            }
        }

        public void Dispose() => listener.Dispose();
    }
}
