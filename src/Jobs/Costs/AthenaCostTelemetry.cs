using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Orchestrator.Jobs.Costs;

/// <summary>
/// Per-dataset Athena cost, for the maintenance queries (and anything else that runs Athena SQL for a dataset): call
/// <see cref="RecordQuery"/> once per finished query with its <c>Statistics.DataScannedInBytes</c>. Together with
/// <c>orchestrator.glue.run.cost{dataset}</c> this is the estimated cost per dataset that the cost alarm sums.
/// </summary>
public static class AthenaCostTelemetry
{
    /// <summary>Meter name.</summary>
    public const string Name = "Orchestrator.Athena";

    private static readonly Meter Meter = new(Name, typeof(AthenaCostTelemetry).Assembly.GetName().Version?.ToString());

    private static readonly Counter<long> BytesScanned =
        Meter.CreateCounter<long>("orchestrator.athena.bytes_scanned", "By", "Bytes Athena scanned for a dataset's queries, by dataset.");

    private static readonly Counter<double> Cost =
        Meter.CreateCounter<double>("orchestrator.athena.cost", "USD",
            "Estimated Athena cost of a dataset's queries (billed bytes × price per TB), by dataset.");

    /// <summary>
    /// Adds one finished query to the dataset's bytes and cost, and puts both on <paramref name="span"/> (the query's span,
    /// by default the current one) as <c>orchestrator.athena.bytes_scanned</c> and <c>orchestrator.athena.cost_usd</c>.
    /// Returns the estimated cost in USD.
    /// </summary>
    public static double RecordQuery(string dataset, long bytesScanned, AthenaPricing pricing, Activity? span = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataset);
        ArgumentNullException.ThrowIfNull(pricing);
        double cost = pricing.Cost(bytesScanned);
        var tag = new KeyValuePair<string, object?>("dataset", dataset);
        BytesScanned.Add(Math.Max(0, bytesScanned), tag);
        Cost.Add(cost, tag);
        span ??= Activity.Current;
        span?.SetTag("orchestrator.athena.bytes_scanned", bytesScanned);
        span?.SetTag("orchestrator.athena.cost_usd", cost);
        return cost;
    }
}
