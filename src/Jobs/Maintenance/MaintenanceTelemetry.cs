using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Orchestrator.Jobs.Maintenance;

/// <summary>
/// The span of a task run (parent of the Athena query spans it causes) and the maintenance metrics. The span carries
/// <c>orchestrator.dataset</c>: the hook by which a trace view can link it to the dataset's latest run.
/// </summary>
public static class MaintenanceTelemetry
{
    /// <summary>ActivitySource and Meter name.</summary>
    public const string Name = "Orchestrator.Maintenance";

    private static readonly string? Version = typeof(MaintenanceTelemetry).Assembly.GetName().Version?.ToString();

    internal static readonly ActivitySource Source = new(Name, Version);

    private static readonly Meter Meter = new(Name, Version);

    internal static readonly Counter<long> Runs =
        Meter.CreateCounter<long>("orchestrator.maintenance.runs", "{run}", "Maintenance task runs by dataset, task, kind and outcome (succeeded, failed, skipped).");

    internal static readonly Counter<long> Checks =
        Meter.CreateCounter<long>("orchestrator.maintenance.checks", "{check}", "Data check results by dataset, check and result (passed, failed).");

    internal static readonly Histogram<double> CheckValue =
        Meter.CreateHistogram<double>("orchestrator.maintenance.check.value", "1", "The value a data check's query returned, by dataset and check.");
}
