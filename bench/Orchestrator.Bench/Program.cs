using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.SQS;
using Orchestrator.Bench;

// Ingestion throughput, side by side in one process against one emulator, so the ratios hold on a noisy shared machine.
// Usage: bench/run (starts the emulator), or: dotnet run -c Release --project bench/Orchestrator.Bench -- <sqs-endpoint> [messages]
if (args.Length > 0 && args[0] == "partitions")
{
    // bench/run partitions: <s3-endpoint> <glue-athena-endpoint> [objects] [windows]
    await PartitionBench.RunAsync(args[1], args[2], args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 10_000,
        args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 10);
    return;
}

string endpoint = args.Length > 0 ? args[0] : Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_SQS") ?? "http://127.0.0.1:4566";
int messages = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5000;
int naiveMessages = Math.Min(messages, 1000);
const int RawLoops = 2; // the orchestrator's default Queue:Pollers, so the raw loop gets the same receive concurrency

Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_SQS", endpoint);
Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "bench");
Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "bench");
Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");

using var sqs = new AmazonSQSClient(new BasicAWSCredentials("bench", "bench"), new AmazonSQSConfig { ServiceURL = endpoint });
var loader = new QueueLoader(sqs);
string work = Directory.CreateTempSubdirectory("orchestrator-bench-").FullName;

async Task<double> MeasureAsync(string name, int count, Func<string, Task> consume)
{
    string queueUrl = await loader.CreateFilledQueueAsync(name, count, "data-lake");
    var stopwatch = Stopwatch.StartNew();
    await consume(queueUrl);
    double rate = count / stopwatch.Elapsed.TotalSeconds;
    Console.WriteLine($"{name,-14} {count,7} msgs  {stopwatch.Elapsed.TotalSeconds,7:F2} s  {rate,9:F0} msgs/s");
    return rate;
}

try
{
    // Warm-up: JIT and connection pools for both the SDK and the host, on small queues that are not timed.
    await MeasureAsync("warmup-raw", 200, q => RawSdkConsumer.RunAsync(sqs, q, 200, RawLoops));
    string warmQueue = await loader.CreateFilledQueueAsync("warmup-orch", 200, "data-lake");
    await OrchestratorConsumer.RunAsync(warmQueue, 200, Path.Combine(work, "warm.db"));
    Console.WriteLine();

    double raw = await MeasureAsync("raw-sdk", messages, q => RawSdkConsumer.RunAsync(sqs, q, messages, RawLoops));
    double naive = await MeasureAsync("naive", naiveMessages, q => NaiveConsumer.RunAsync(sqs, q, naiveMessages, Path.Combine(work, "naive.db")));
    string orchestratorQueue = await loader.CreateFilledQueueAsync("orchestrator", messages, "data-lake");
    double rss = await OrchestratorConsumer.RunAsync(orchestratorQueue, messages, Path.Combine(work, "orchestrator.db"));
    double orchestrator = messages / OrchestratorConsumer.Elapsed.TotalSeconds;
    Console.WriteLine($"{"orchestrator",-14} {messages,7} msgs  {OrchestratorConsumer.Elapsed.TotalSeconds,7:F2} s  {orchestrator,9:F0} msgs/s  (SQLite ledger, default settings)");
    Console.WriteLine();
    Console.WriteLine($"ratio vs raw SDK loop: {orchestrator / raw:F2}   ratio vs naive consumer: {orchestrator / naive:F1}   peak RSS: {rss:F0} MB (whole bench process)");
    Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["raw_msgs_per_s"] = Math.Round(raw),
        ["naive_msgs_per_s"] = Math.Round(naive),
        ["orchestrator_msgs_per_s"] = Math.Round(orchestrator),
        ["ratio_vs_raw"] = Math.Round(orchestrator / raw, 2),
        ["ratio_vs_naive"] = Math.Round(orchestrator / naive, 1),
        ["rss_mb"] = Math.Round(rss),
        ["messages"] = messages,
        ["processors"] = Environment.ProcessorCount,
    }));
}
finally
{
    Directory.Delete(work, recursive: true);
}
