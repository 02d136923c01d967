using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.SQS;
using Orchestrator.Bench.Stack;

namespace Orchestrator.Bench.Modes;

/// <summary>
/// Ingestion throughput, side by side in one process against one emulator, so the ratios hold on a noisy shared machine:
/// the raw SDK loop (the ceiling), the naive consumer (the seed's style) and the orchestrator's real ingestion in-process.
/// Arguments: <c>[messages] [sqs-endpoint]</c>; without an endpoint it starts its own SQS/S3 emulator.
/// </summary>
internal static class IngestionBenchmark
{
    private const int RawLoops = 2; // the orchestrator's default Queue:Pollers, so the raw loop gets the same receive concurrency

    public static async Task<int> RunAsync(string[] args)
    {
        int messages = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
        using LocalStack? stack = args.Length > 1 ? null : await LocalStack.StartAsync("ingestion", glue: false, notifications: false);
        string endpoint = args.Length > 1 ? args[1] : stack!.SqsS3.ToString();
        await MeasureAsync(endpoint, messages);
        return 0;
    }

    private static async Task MeasureAsync(string endpoint, int messages)
    {
        int naiveMessages = Math.Min(messages, 1000);
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_SQS", endpoint);
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "bench");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "bench");
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");

        using var sqs = new AmazonSQSClient(new BasicAWSCredentials("bench", "bench"), new AmazonSQSConfig { ServiceURL = endpoint });
        var loader = new QueueLoader(sqs);
        string work = Directory.CreateTempSubdirectory("orchestrator-bench-").FullName;

        async Task<double> TimeAsync(string name, int count, Func<string, Task> consume)
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
            await TimeAsync("warmup-raw", 200, q => RawSdkConsumer.RunAsync(sqs, q, 200, RawLoops));
            string warmQueue = await loader.CreateFilledQueueAsync("warmup-orch", 200, "data-lake");
            await OrchestratorConsumer.RunAsync(warmQueue, 200, Path.Combine(work, "warm.db"));
            Console.WriteLine();

            double raw = await TimeAsync("raw-sdk", messages, q => RawSdkConsumer.RunAsync(sqs, q, messages, RawLoops));
            double naive = await TimeAsync("naive", naiveMessages, q => NaiveConsumer.RunAsync(sqs, q, naiveMessages, Path.Combine(work, "naive.db")));
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
    }
}
