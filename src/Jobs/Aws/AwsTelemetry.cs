using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Orchestrator.Jobs.Aws;

/// <summary>
/// The AWS clients' one ActivitySource and one Meter. Spans follow the OpenTelemetry RPC conventions for AWS
/// (<c>rpc.system = aws-api</c>, span name <c>Glue.StartJobRun</c> as the SDKs' own instrumentation names them). Metric tags
/// are service, method, outcome and error code: all bounded, never a job, table or query id.
/// </summary>
public static class AwsTelemetry
{
    /// <summary>The name of the ActivitySource and the Meter, to add to the OpenTelemetry tracer and meter providers.</summary>
    public const string Name = "Orchestrator.Aws";

    private static readonly string? Version = typeof(AwsTelemetry).Assembly.GetName().Version?.ToString();

    internal static readonly ActivitySource Source = new(Name, Version);

    private static readonly Meter Meter = new(Name, Version);

    internal static readonly Counter<long> Calls =
        Meter.CreateCounter<long>("orchestrator.aws.calls", "{call}",
            "Glue and Athena API calls (one per operation, however many attempts), by service, method and outcome.");

    internal static readonly Counter<long> Retries =
        Meter.CreateCounter<long>("orchestrator.aws.retries", "{attempt}", "Attempts beyond the first, by service, method and error code.");

    internal static readonly Histogram<double> Duration =
        Meter.CreateHistogram<double>("orchestrator.aws.call.duration", "s", "Time of one API call including its retries.");
}
