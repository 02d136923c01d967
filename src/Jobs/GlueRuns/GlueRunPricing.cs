namespace Orchestrator.Jobs.GlueRuns;

/// <summary>Estimated Glue cost: DPU-hours × the configured price per DPU-hour (USD 0.44 in most regions).</summary>
public sealed class GlueRunPricing(double dpuHourPrice)
{
    /// <summary>USD for the given DPU-seconds.</summary>
    public double Cost(double dpuSeconds) => dpuSeconds / 3600.0 * dpuHourPrice;
}
