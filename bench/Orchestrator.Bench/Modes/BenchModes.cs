namespace Orchestrator.Bench.Modes;

/// <summary>Dispatches to a benchmark mode; without a mode (or with a message count, as before) runs them all.</summary>
internal static class BenchModes
{
    /// <summary>The exit code of an unknown mode: <c>all</c> reads it as "this build does not have that benchmark".</summary>
    public const int UnknownMode = 2;

    /// <summary>Every mode by name; a new benchmark adds itself here and to <see cref="AllBenchmarks.Order"/>.</summary>
    public static readonly IReadOnlyDictionary<string, Func<string[], Task<int>>> Modes = new Dictionary<string, Func<string[], Task<int>>>
    {
        ["all"] = AllBenchmarks.RunAsync,
        ["ingestion"] = IngestionBenchmark.RunAsync,
        ["latency"] = LatencyBenchmark.RunAsync,
        ["startup"] = StartupBenchmark.RunAsync,
    };

    public static Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || char.IsAsciiDigit(args[0][0]) || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            return AllBenchmarks.RunAsync(args);
        }

        if (Modes.TryGetValue(args[0], out var run))
        {
            return run(args[1..]);
        }

        Console.Error.WriteLine($"unknown mode '{args[0]}'; modes: {string.Join(", ", Modes.Keys)}");
        return Task.FromResult(UnknownMode);
    }
}
