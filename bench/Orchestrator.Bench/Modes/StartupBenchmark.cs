using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using Orchestrator.Bench.Figures;
using Orchestrator.Bench.Stack;

namespace Orchestrator.Bench.Modes;

/// <summary>
/// Start-up to first receive: the time from just before <c>Process.Start</c> of <c>dotnet Orchestrator.dll run</c> (local
/// stack settings, a new SQLite store each time, so migrations and Quartz's schema are included) until its first
/// ReceiveMessage took the one message waiting on a fresh queue — seen from outside, by polling the emulator's
/// ApproximateNumberOfMessages every 5 ms — against a bare generic host (bench/BareHost) started the same way with the same
/// environment. Alternating, after one untimed start of each; medians. Arguments: <c>[repetitions]</c> (7).
/// </summary>
internal static class StartupBenchmark
{
    // What S3 puts on a queue when notifications are configured: both consumers take it and delete it without other work.
    private const string TestEvent =
        """{"Service":"Amazon S3","Event":"s3:TestEvent","Time":"2026-01-01T00:00:00.000Z","Bucket":"data-lake-local","RequestId":"BENCH","HostId":"bench"}""";

    public static async Task<int> RunAsync(string[] args)
    {
        int repetitions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
        using var stack = await LocalStack.StartAsync("startup", glue: true, notifications: true);
        using var sqs = new AmazonSQSClient(new BasicAWSCredentials("local", "local"), new AmazonSQSConfig { ServiceURL = stack.SqsS3.ToString() });
        var orchestrator = new List<double>();
        var bare = new List<double>();
        for (int i = 0; i <= repetitions; i++)
        {
            bool orchestratorFirst = i % 2 == 0;
            foreach (bool isOrchestrator in new[] { orchestratorFirst, !orchestratorFirst })
            {
                double ms = await TimeFirstReceiveAsync(stack, sqs, isOrchestrator, i);
                string kind = isOrchestrator ? "orchestrator" : "bare host";
                Console.WriteLine($"startup: {kind,-12} {ms,6:F0} ms{(i == 0 ? "  (untimed warm-up)" : "")}");
                if (i > 0)
                {
                    (isOrchestrator ? orchestrator : bare).Add(ms);
                }
            }
        }

        double orchestratorMedian = Percentiles.Median(orchestrator), bareMedian = Percentiles.Median(bare);
        Console.WriteLine($"start-up to first receive, median of {repetitions}: orchestrator {orchestratorMedian:F0} ms, " +
            $"bare generic host {bareMedian:F0} ms, ratio {orchestratorMedian / bareMedian:F1}");
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["orchestrator_ms"] = Math.Round(orchestratorMedian),
            ["bare_host_ms"] = Math.Round(bareMedian),
            ["ratio"] = Math.Round(orchestratorMedian / bareMedian, 2),
            ["repetitions"] = repetitions,
            ["orchestrator_runs_ms"] = orchestrator.Select(v => Math.Round(v)).ToArray(),
            ["bare_host_runs_ms"] = bare.Select(v => Math.Round(v)).ToArray(),
        }));
        return 0;
    }

    private static async Task<double> TimeFirstReceiveAsync(LocalStack stack, AmazonSQSClient sqs, bool isOrchestrator, int repetition)
    {
        string kind = isOrchestrator ? "orchestrator" : "bare";
        string queueUrl = (await sqs.CreateQueueAsync($"startup-{kind}-{repetition}-{Guid.NewGuid():N}")).QueueUrl;
        await sqs.SendMessageAsync(queueUrl, TestEvent);
        string folder = Directory.CreateDirectory(Path.Combine(stack.Work, $"{kind}-{repetition}")).FullName;
        var environment = stack.OrchestratorEnvironment(queueUrl, folder);
        string[] arguments = isOrchestrator ? [RepoPaths.Orchestrator, "run"] : [RepoPaths.BareHost, "--QueueUrl", queueUrl];
        using var process = ChildProcess.Start(kind, "dotnet", arguments, Path.Combine(folder, "out.log"), environment);
        var request = new GetQueueAttributesRequest { QueueUrl = queueUrl, AttributeNames = ["ApproximateNumberOfMessages"] };
        while (true)
        {
            var attributes = await sqs.GetQueueAttributesAsync(request);
            long observed = Stopwatch.GetTimestamp();
            if (attributes.ApproximateNumberOfMessages == 0)
            {
                return Stopwatch.GetElapsedTime(process.StartedAt, observed).TotalMilliseconds;
            }

            if (process.HasExited || Stopwatch.GetElapsedTime(process.StartedAt) > TimeSpan.FromMinutes(1))
            {
                throw new InvalidOperationException($"the {kind} took no message within a minute (exited: {process.HasExited}); see {folder}/out.log");
            }

            await Task.Delay(5);
        }
    }
}
