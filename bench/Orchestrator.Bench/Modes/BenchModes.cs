namespace Orchestrator.Bench.Modes;

/// <summary>Dispatches to a benchmark mode; without a mode (or with a message count, as before) runs them all.</summary>
internal static class BenchModes
{
    /// <summary>The exit code of an unknown mode: <c>all</c> reads it as "this build does not have that benchmark".</summary>
    public const int UnknownMode = 2;

    /// <summary>The exit code of arguments a mode cannot use (sysexits' EX_USAGE).</summary>
    public const int BadArguments = 64;

    /// <summary>Every mode by name; a new benchmark adds itself here and to <see cref="AllBenchmarks.Order"/>.</summary>
    public static readonly IReadOnlyDictionary<string, Func<string[], Task<int>>> Modes = new Dictionary<string, Func<string[], Task<int>>>
    {
        ["all"] = AllBenchmarks.RunAsync,
        ["ingestion"] = IngestionBenchmark.RunAsync,
        ["partitions"] = PartitionsBenchmark.RunAsync,
        ["latency"] = LatencyBenchmark.RunAsync,
        ["startup"] = StartupBenchmark.RunAsync,
    };

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        bool all = args.Length == 0 || char.IsAsciiDigit(args[0][0]) || args[0].StartsWith("--", StringComparison.Ordinal);
        if (!all && !Modes.ContainsKey(args[0]))
        {
            await Console.Error.WriteLineAsync($"unknown mode '{args[0]}'; modes: {string.Join(", ", Modes.Keys)}");
            return UnknownMode;
        }

        try
        {
            return all ? await AllBenchmarks.RunAsync(args) : await Modes[args[0]](args[1..]);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return BadArguments;
        }
    }
}
