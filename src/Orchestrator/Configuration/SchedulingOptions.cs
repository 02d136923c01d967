namespace Orchestrator.Configuration;

/// <summary>The Quartz scheduler. Its store follows <c>Store</c>: SQLite on one task, PostgreSQL clustered for several.</summary>
public sealed class SchedulingOptions
{
    /// <summary>Concurrent Quartz jobs in this process.</summary>
    public int Threads { get; set; } = 4;

    /// <summary>Clustered mode: how often a node records that it is alive.</summary>
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Clustered mode: how long past a missed check-in before another node recovers a node's work.</summary>
    public TimeSpan CheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How late a trigger may fire before it counts as misfired (then its misfire policy applies).</summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Price of one DPU-hour in USD, for the estimated-cost metric (Glue's list price in most regions).</summary>
    public double DpuHourPrice { get; set; } = 0.44;

    /// <summary>
    /// Price of one terabyte scanned by Athena in USD, for the estimated-cost metric <c>orchestrator.athena.cost</c>
    /// (Athena's list price in most regions; see <see cref="Jobs.Costs.AthenaPricing"/>).
    /// </summary>
    public double AthenaTerabytePrice { get; set; } = Jobs.Costs.AthenaPricing.DefaultTerabytePrice;
}
