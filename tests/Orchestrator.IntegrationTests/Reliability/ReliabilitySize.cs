using System.Globalization;

namespace Orchestrator.IntegrationTests.Reliability;

/// <summary>
/// How big a reliability run is. The test suite runs the small default; <c>bench/reliability</c> sets
/// <c>RELIABILITY_OBJECTS</c> and <c>RELIABILITY_KILLS</c> for the full size (10,000 objects, ≥ 20 kills) and
/// <c>RELIABILITY_REPORT</c> to a file that collects every run's figures.
/// </summary>
internal static class ReliabilitySize
{
    public static int Objects => Read("RELIABILITY_OBJECTS", 300);

    public static int Kills => Read("RELIABILITY_KILLS", 3);

    /// <summary>Which worker is killed when: <c>RELIABILITY_SEED</c> to replay a run, else a new one each run (reported).</summary>
    public static int Seed => Environment.GetEnvironmentVariable("RELIABILITY_SEED") is { Length: > 0 } ? Read("RELIABILITY_SEED", 1) : Random.Shared.Next(1, int.MaxValue);

    /// <summary>Time for the work to settle after the last disturbance: generous, and growing with the size.</summary>
    public static TimeSpan SettleTimeout => TimeSpan.FromSeconds(90 + (Objects * 0.06));

    private static int Read(string name, int fallback)
    {
        string? text = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0
            ? value
            : throw new InvalidOperationException($"{name} must be a positive whole number, got '{text}'.");
    }
}
