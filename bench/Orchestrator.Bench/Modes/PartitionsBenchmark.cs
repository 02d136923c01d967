using System.Globalization;
using System.Reflection;
using Orchestrator.Bench.Stack;

namespace Orchestrator.Bench.Modes;

/// <summary>
/// <c>partitions [objects] [windows]</c>: the partition-registration benchmark (orchestrator vs MSCK REPAIR TABLE vs one
/// ALTER TABLE ADD PARTITION per object, 10,000 objects over 100 partitions by default) written on the <c>partitions</c>
/// branch as <c>PartitionBench.RunAsync(s3Endpoint, glueEndpoint, objects, windows)</c>, which expects the caller to start
/// the SQS/S3 emulator and LocalAws. This mode starts them as that branch's bench/run does and calls it. The class is looked
/// up by name so that this branch builds before that one is merged; until then the mode reports itself unknown (exit 2)
/// and <c>all</c> lists it as not in this build. Once both are merged, a direct call can replace the lookup.
/// </summary>
internal static class PartitionsBenchmark
{
    private static readonly MethodInfo? Entry = typeof(PartitionsBenchmark).Assembly
        .GetType("Orchestrator.Bench.PartitionBench")
        ?.GetMethod("RunAsync", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, [typeof(string), typeof(string), typeof(int), typeof(int)]);

    public static bool Available => Entry is not null;

    public static async Task<int> RunAsync(string[] args)
    {
        if (Entry is null)
        {
            await Console.Error.WriteLineAsync("unknown mode 'partitions': PartitionBench is not in this build (branch partitions)");
            return BenchModes.UnknownMode;
        }

        int objects = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        int windows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        using var stack = await LocalStack.StartAsync("partitions", glue: true, notifications: false,
            localAwsArguments: ["--athena-output", "s3://bench-lake/athena-results/", "--athena-queue-seconds", "0.01"]);
        string s3 = stack.SqsS3.GetLeftPart(UriPartial.Authority), glue = stack.GlueAthena!.GetLeftPart(UriPartial.Authority);
        await (Task)Entry.Invoke(null, [s3, glue, objects, windows])!;
        return 0;
    }
}
