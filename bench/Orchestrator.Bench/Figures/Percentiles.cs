namespace Orchestrator.Bench.Figures;

/// <summary>
/// Nearest-rank percentiles: the reported value is always one that was measured (no interpolation between two samples),
/// which is what a latency table should show; with 200 samples p95 is the 190th smallest.
/// </summary>
internal static class Percentiles
{
    /// <summary>The smallest value with at least <paramref name="percentile"/> % of the values at or below it.</summary>
    public static double NearestRank(IReadOnlyCollection<double> values, double percentile)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("A percentile of no values is undefined.", nameof(values));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(percentile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        double[] sorted = [.. values.Order()];
        int rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Max(rank, 1) - 1];
    }

    /// <summary>The nearest-rank median (the lower middle of an even count).</summary>
    public static double Median(IReadOnlyCollection<double> values) => NearestRank(values, 50);
}
