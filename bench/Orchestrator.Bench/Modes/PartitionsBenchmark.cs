using System.Globalization;
using Orchestrator.Bench.Stack;

namespace Orchestrator.Bench.Modes;

/// <summary>
/// <c>partitions [objects] [windows]</c>: the partition-registration benchmark (orchestrator vs MSCK REPAIR TABLE vs one
/// ALTER TABLE ADD PARTITION per object, 10,000 objects over 100 partitions by default, see <see cref="PartitionBench"/>),
/// which expects its caller to start the SQS/S3 emulator and LocalAws: this mode starts them on free loopback ports.
/// </summary>
internal static class PartitionsBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        int objects = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        int windows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        using var stack = await LocalStack.StartAsync("partitions", glue: true, notifications: false,
            localAwsArguments: ["--athena-output", "s3://bench-lake/athena-results/", "--athena-queue-seconds", "0.01"]);
        string s3 = stack.SqsS3.GetLeftPart(UriPartial.Authority), glue = stack.GlueAthena!.GetLeftPart(UriPartial.Authority);
        await PartitionBench.RunAsync(s3, glue, objects, windows);
        return 0;
    }
}
