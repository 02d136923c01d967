using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Orchestrator.Jobs.Queries;

/// <summary>Spans and metrics of Athena statements: outcome, bytes scanned and what they cost, per dataset and purpose.</summary>
public static class AthenaQueryTelemetry
{
    /// <summary>ActivitySource and Meter name.</summary>
    public const string Name = "Orchestrator.Athena";

    private static readonly string? Version = typeof(AthenaQueryTelemetry).Assembly.GetName().Version?.ToString();

    internal static readonly ActivitySource Source = new(Name, Version);

    private static readonly Meter Meter = new(Name, Version);

    internal static readonly Counter<long> Queries =
        Meter.CreateCounter<long>("orchestrator.athena.queries", "{query}", "Athena statements that ended, by dataset, purpose and state.");

    internal static readonly Counter<long> BytesScanned =
        Meter.CreateCounter<long>("orchestrator.athena.bytes_scanned", "By", "Bytes Athena scanned (what it bills), by dataset and purpose.");

    internal static readonly Counter<double> Cost =
        Meter.CreateCounter<double>("orchestrator.athena.cost", "USD", "Estimated Athena cost (bytes scanned × price per TB), by dataset and purpose.");

    internal static readonly Histogram<double> Duration =
        Meter.CreateHistogram<double>("orchestrator.athena.query.duration", "s", "From StartQueryExecution to a terminal state, by purpose and state.");

    internal static readonly Counter<long> Throttled =
        Meter.CreateCounter<long>("orchestrator.athena.throttled", "{attempt}", "StartQueryExecution attempts refused with TooManyRequestsException.");
}
