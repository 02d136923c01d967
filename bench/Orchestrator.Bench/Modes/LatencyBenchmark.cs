using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SQS;
using Microsoft.Data.Sqlite;
using Orchestrator.Bench.Figures;
using Orchestrator.Bench.Stack;

namespace Orchestrator.Bench.Modes;

/// <summary>
/// End-to-end latency on the local stack (SQS/S3 emulator with bucket notifications, LocalAws, the orchestrator as its own
/// process on SQLite with <c>local/orchestrator.env</c>): objects are uploaded in bursts over about a minute to 36
/// partitions, and for each object the benchmark records when its upload returned, when the orchestrator's ledger first
/// shows it Registered (its raw partition confirmed in the Glue catalog, which happens when a run is due, i.e. after the
/// debounce) and when its row is first returned by an Athena query on the curated table (after the Glue run and the output
/// partition registration). Also samples the orchestrator process's RSS every second. Arguments: <c>[objects]</c> (200).
/// </summary>
internal static class LatencyBenchmark
{
    private const int Seed = 20261126;
    private static readonly TimeSpan Tail = TimeSpan.FromMinutes(3);

    public static async Task<int> RunAsync(string[] args)
    {
        int objects = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        using var stack = await LocalStack.StartAsync("latency", glue: true, notifications: true);
        var credentials = new BasicAWSCredentials("local", "local");
        using var sqs = new AmazonSQSClient(credentials, new AmazonSQSConfig { ServiceURL = stack.SqsS3.ToString() });
        string queueUrl = (await sqs.GetQueueUrlAsync("data-lake-events")).QueueUrl;
        var environment = stack.OrchestratorEnvironment(queueUrl, stack.Work);
        var orchestrator = stack.Start("the orchestrator", "dotnet", [RepoPaths.Orchestrator, "run"], "orchestrator.log", environment);
        await WaitForPollingAsync(orchestrator, Path.Combine(stack.Work, "alive"));

        using var s3 = new AmazonS3Client(credentials, new AmazonS3Config { ServiceURL = stack.SqsS3.ToString(), ForcePathStyle = true });
        using var aws = new LocalAwsClient(stack.GlueAthena!);
        string settings = Settings(environment);
        Console.WriteLine($"latency: {objects} objects, {settings}");

        // Warm-up: one object through the whole flow, so JIT and first connections are not charged to the first burst.
        var warmup = Stopwatch.StartNew();
        await UploadAsync(s3, 0, 2020, 1);
        var seen = new ConcurrentDictionary<int, long>();
        while (!seen.ContainsKey(0))
        {
            if (warmup.Elapsed > Tail || orchestrator.HasExited)
            {
                throw new InvalidOperationException($"the warm-up object never became queryable; logs in {stack.Work}");
            }

            await RecordQueryableAsync(aws, seen, CancellationToken.None);
            await Task.Delay(500);
        }

        int warmupRuns = await GlueRunsAsync(aws);
        Console.WriteLine($"latency: warm-up object queryable after {warmup.Elapsed.TotalSeconds:F1} s");

        var uploaded = new ConcurrentDictionary<int, long>();
        var registered = new ConcurrentDictionary<int, long>();
        var queryable = new ConcurrentDictionary<int, long>();
        var rss = new ConcurrentBag<double>();
        var athenaCycles = new ConcurrentBag<double>();
        var partitions = new HashSet<(int Year, int Month)>();
        var objectPartitions = new Dictionary<int, (int Year, int Month)>();
        using var stop = new CancellationTokenSource();
        var watchers = Task.WhenAll(
            WatchLedgerAsync(Path.Combine(stack.Work, "orchestrator.db"), registered, stop.Token),
            WatchAthenaAsync(aws, queryable, athenaCycles, stop.Token),
            SampleRssAsync(orchestrator.Id, rss, stop.Token));

        var random = new Random(Seed);
        var uploading = Stopwatch.StartNew();
        for (int id = 1; id <= objects;)
        {
            int burst = Math.Min(random.Next(1, 16), objects - id + 1);
            for (int i = 0; i < burst; i++, id++)
            {
                int year = 2023 + random.Next(3), month = 1 + random.Next(12);
                partitions.Add((year, month));
                objectPartitions[id] = (year, month);
                await UploadAsync(s3, id, year, month);
                uploaded[id] = Stopwatch.GetTimestamp();
            }

            if (id <= objects)
            {
                await Task.Delay(TimeSpan.FromSeconds(0.5 + (random.NextDouble() * 5)));
            }
        }

        double uploadSeconds = uploading.Elapsed.TotalSeconds;
        Console.WriteLine($"latency: uploaded {objects} objects to {partitions.Count} partitions in {uploadSeconds:F0} s");
        var tail = Stopwatch.StartNew();
        while (queryable.Count < objects && tail.Elapsed < Tail && !orchestrator.HasExited)
        {
            await Task.Delay(250);
        }

        await stop.CancelAsync();
        await watchers;

        var registeredSeconds = Latencies(uploaded, registered);
        var queryableSeconds = Latencies(uploaded, queryable);
        int runs = await GlueRunsAsync(aws) - warmupRuns;
        var missing = partitions.Except(await CataloguedAsync(aws)).Select(p => $"year={p.Year}/month={p.Month:D2}").ToList();
        int catalogued = partitions.Count - missing.Count;
        double[] rssSamples = [.. rss];
        Console.WriteLine($"latency: {registeredSeconds.Count}/{objects} registered, {queryableSeconds.Count}/{objects} queryable, " +
            $"{runs} Glue runs, {catalogued}/{partitions.Count} raw partitions in the catalog");
        if (registeredSeconds.Count < objects || queryableSeconds.Count < objects || missing.Count > 0)
        {
            string Ids(ConcurrentDictionary<int, long> seen) =>
                string.Join(' ', uploaded.Keys.Where(id => !seen.ContainsKey(id)).Order().Select(id => UploadKey(id, objectPartitions[id])));
            Console.WriteLine($"latency: FAILED — not every object went through within {Tail.TotalMinutes:F0} min of the last upload");
            Console.WriteLine($"latency: partitions missing from the catalog: {string.Join(' ', missing)}");
            Console.WriteLine($"latency: not registered in the ledger: {Ids(registered)}");
            Console.WriteLine($"latency: not queryable: {Ids(queryable)}");
            stack.KeepLogs = true;
            return 1;
        }

        double p50Registered = Percentiles.NearestRank(registeredSeconds, 50), p95Registered = Percentiles.NearestRank(registeredSeconds, 95);
        double p50Queryable = Percentiles.NearestRank(queryableSeconds, 50), p95Queryable = Percentiles.NearestRank(queryableSeconds, 95);
        Console.WriteLine($"object → partition registered   p50 {p50Registered,5:F1} s   p95 {p95Registered,5:F1} s   max {registeredSeconds.Max(),5:F1} s");
        Console.WriteLine($"object → queryable in Athena    p50 {p50Queryable,5:F1} s   p95 {p95Queryable,5:F1} s   max {queryableSeconds.Max(),5:F1} s");
        Console.WriteLine($"orchestrator RSS: median {Percentiles.Median(rssSamples):F0} MB, peak {rssSamples.Max():F0} MB ({rssSamples.Length} samples, 1 s apart)");
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["objects"] = objects,
            ["partitions"] = partitions.Count,
            ["upload_seconds"] = Math.Round(uploadSeconds, 1),
            ["registered_p50_s"] = Math.Round(p50Registered, 2),
            ["registered_p95_s"] = Math.Round(p95Registered, 2),
            ["queryable_p50_s"] = Math.Round(p50Queryable, 2),
            ["queryable_p95_s"] = Math.Round(p95Queryable, 2),
            ["glue_runs"] = runs,
            ["athena_poll_s"] = Math.Round(athenaCycles.IsEmpty ? 0 : athenaCycles.Average(), 2),
            ["rss_steady_mb"] = Math.Round(Percentiles.Median(rssSamples)),
            ["rss_peak_mb"] = Math.Round(rssSamples.Max()),
            ["settings"] = settings,
        }));
        return 0;
    }

    /// <summary>The settings latency depends on, read from what the orchestrator and LocalAws were actually given.</summary>
    private static string Settings(Dictionary<string, string> environment)
    {
        string Value(string key, string fallback) => environment.TryGetValue(key, out string? value) ? value : fallback + " (default)";
        var seed = JsonNode.Parse(File.ReadAllText(RepoPaths.LocalAwsSeed))!;
        string runSeconds = seed["jobs"]![0]!["DefaultArguments"]!["--local-run-seconds"]?.GetValue<string>() ?? "1";
        return $"Debounce {Value("Orchestrator__Datasets__sales__Glue__Debounce", "00:02:00")}, " +
            $"MaxWait {Value("Orchestrator__Datasets__sales__Glue__MaxWait", "00:15:00")}, " +
            $"Glue poll {Value("Orchestrator__Datasets__sales__Glue__MinPollInterval", "00:00:10")}..." +
            $"{Value("Orchestrator__Datasets__sales__Glue__MaxPollInterval", "00:01:00")}, " +
            $"SQS WaitTime {Value("Orchestrator__Queue__WaitTime", "00:00:10")}, local Glue run {runSeconds} s";
    }

    private static async Task WaitForPollingAsync(ChildProcess orchestrator, string livenessFile)
    {
        var waited = Stopwatch.StartNew();
        while (!File.Exists(livenessFile))
        {
            if (orchestrator.HasExited || waited.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new InvalidOperationException("the orchestrator did not start polling; see orchestrator.log");
            }

            await Task.Delay(100);
        }
    }

    private static string UploadKey(int id, (int Year, int Month) partition) =>
        string.Create(CultureInfo.InvariantCulture, $"raw/sales/year={partition.Year}/month={partition.Month:D2}/bench-{id:D4}.csv");

    private static Task<PutObjectResponse> UploadAsync(AmazonS3Client s3, int id, int year, int month) =>
        s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = "data-lake-local",
            Key = UploadKey(id, (year, month)),
            ContentBody = string.Create(CultureInfo.InvariantCulture, $"id,name,amount,date\n{id},bench,{id}.25,{year}-{month:D2}-01\n"),
            ContentType = "text/csv",
        });

    /// <summary>The ledger as the orchestrator writes it (read-only; WAL lets it read beside the writer).</summary>
    private static async Task WatchLedgerAsync(string database, ConcurrentDictionary<int, long> registered, CancellationToken stop)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        await connection.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT key FROM ledger_objects WHERE state IN ('Registered', 'Processed') AND key LIKE '%/bench-%'";
        while (!stop.IsCancellationRequested)
        {
            await using (var reader = await command.ExecuteReaderAsync(CancellationToken.None))
            {
                long now = Stopwatch.GetTimestamp();
                while (await reader.ReadAsync(CancellationToken.None))
                {
                    registered.TryAdd(IdOf(reader.GetString(0)), now);
                }
            }

            await Delay(TimeSpan.FromMilliseconds(200), stop);
        }
    }

    private static async Task WatchAthenaAsync(LocalAwsClient aws, ConcurrentDictionary<int, long> queryable, ConcurrentBag<double> cycles, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var cycle = Stopwatch.StartNew();
            await RecordQueryableAsync(aws, queryable, CancellationToken.None);
            await Delay(TimeSpan.FromMilliseconds(250), stop);
            cycles.Add(cycle.Elapsed.TotalSeconds);
        }
    }

    /// <summary>One query on the curated table; a row counts as queryable when the query that returned it has finished.</summary>
    private static async Task RecordQueryableAsync(LocalAwsClient aws, ConcurrentDictionary<int, long> queryable, CancellationToken cancellationToken)
    {
        var ids = await aws.QueryFirstColumnAsync("SELECT id FROM my_table", "my_database", cancellationToken);
        long now = Stopwatch.GetTimestamp();
        foreach (string id in ids)
        {
            queryable.TryAdd(int.Parse(id, CultureInfo.InvariantCulture), now);
        }
    }

    private static async Task SampleRssAsync(int pid, ConcurrentBag<double> samples, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            if (ProcessMemory.RssMegabytes(pid) is double rss)
            {
                samples.Add(rss);
            }

            await Delay(TimeSpan.FromSeconds(1), stop);
        }
    }

    private static async Task<int> GlueRunsAsync(LocalAwsClient aws)
    {
        var runs = await aws.CallAsync("AWSGlue.GetJobRuns", new JsonObject { ["JobName"] = "raw_to_curated", ["MaxResults"] = 200 });
        return runs["JobRuns"]?.AsArray().Count ?? 0;
    }

    /// <summary>The raw table's partitions in the catalog: the objects' must all be there, as "registered" in the ledger promises.</summary>
    private static async Task<HashSet<(int Year, int Month)>> CataloguedAsync(LocalAwsClient aws)
    {
        var catalogued = new HashSet<(int Year, int Month)>();
        string? token = null;
        do
        {
            var request = new JsonObject { ["DatabaseName"] = "my_database", ["TableName"] = "raw_sales" };
            if (token is not null)
            {
                request["NextToken"] = token;
            }

            var page = await aws.CallAsync("AWSGlue.GetPartitions", request);
            foreach (var partition in page["Partitions"]?.AsArray() ?? [])
            {
                var values = partition!["Values"]!.AsArray();
                catalogued.Add((int.Parse(values[0]!.GetValue<string>(), CultureInfo.InvariantCulture),
                    int.Parse(values[1]!.GetValue<string>(), CultureInfo.InvariantCulture)));
            }

            token = page["NextToken"]?.GetValue<string>();
        }
        while (token is not null);
        return catalogued;
    }

    private static List<double> Latencies(ConcurrentDictionary<int, long> from, ConcurrentDictionary<int, long> to) =>
        [.. from.Where(f => to.ContainsKey(f.Key)).Select(f => Math.Max(0, Stopwatch.GetElapsedTime(f.Value, to[f.Key]).TotalSeconds))];

    private static int IdOf(string key) =>
        int.Parse(key.AsSpan(key.LastIndexOf("bench-", StringComparison.Ordinal) + 6, 4), CultureInfo.InvariantCulture);

    private static async Task Delay(TimeSpan delay, CancellationToken stop)
    {
        try
        {
            await Task.Delay(delay, stop);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
