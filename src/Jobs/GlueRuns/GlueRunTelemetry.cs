using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Orchestrator.Jobs.GlueRuns;

/// <summary>Spans and metrics of Glue runs: what operators watch for run outcomes, durations and cost.</summary>
public static class GlueRunTelemetry
{
    /// <summary>ActivitySource and Meter name.</summary>
    public const string Name = "Orchestrator.Glue";

    private static readonly string? Version = typeof(GlueRunTelemetry).Assembly.GetName().Version?.ToString();

    internal static readonly ActivitySource Source = new(Name, Version);

    private static readonly Meter Meter = new(Name, Version);

    internal static readonly Counter<long> Requests =
        Meter.CreateCounter<long>("orchestrator.glue.requests", "{request}", "Run requests, by job, trigger and outcome (admitted, coalesced).");

    internal static readonly Counter<long> Started =
        Meter.CreateCounter<long>("orchestrator.glue.runs.started", "{run}", "StartJobRun calls that returned a run id, by job and trigger.");

    internal static readonly Counter<long> Finished =
        Meter.CreateCounter<long>("orchestrator.glue.runs.finished", "{run}", "Runs that reached a terminal state, by job and state.");

    internal static readonly Histogram<double> Duration =
        Meter.CreateHistogram<double>("orchestrator.glue.run.duration", "s", "Glue's StartedOn to CompletedOn.");

    internal static readonly Histogram<double> Wait =
        Meter.CreateHistogram<double>("orchestrator.glue.run.wait", "s", "From the run request to Glue accepting the start.");

    internal static readonly Counter<double> DpuSeconds =
        Meter.CreateCounter<double>("orchestrator.glue.run.dpu_seconds", "s", "DPU-seconds consumed by finished runs, by job and dataset.");

    internal static readonly Counter<double> Cost =
        Meter.CreateCounter<double>("orchestrator.glue.run.cost", "USD", "Estimated cost of finished runs (DPU-hours × price), by job and dataset.");

    internal static readonly Counter<long> StartRetries =
        Meter.CreateCounter<long>("orchestrator.glue.start.deferred", "{attempt}",
            "StartJobRun attempts deferred (ConcurrentRunsExceeded, throttling, unknown outcome), by job and reason.");

    internal static readonly Counter<long> PartitionsRegistered =
        Meter.CreateCounter<long>("orchestrator.partitions.registered", "{partition}", "Partitions added to the Glue catalog, by table kind (raw, output) and strategy (GlueApi, AthenaDdl, Crawler).");

    internal static readonly Counter<long> PartitionCalls =
        Meter.CreateCounter<long>("orchestrator.partitions.api_calls", "{call}", "Glue and Athena API calls made to register partitions (GetTable included), by table kind and strategy.");

    /// <summary>
    /// The span of one debounce-trigger request: a receive batch asking for a run of <paramref name="dataset"/>. A child of
    /// <paramref name="cause"/> (the batch's ledger write); its context is what the run span links back to.
    /// </summary>
    public static Activity? StartRunRequest(string dataset, ActivityContext cause)
    {
        var activity = Source.StartActivity("orchestrator.glue.request", ActivityKind.Internal, cause);
        activity?.SetTag("orchestrator.dataset", dataset);
        return activity;
    }

    /// <summary>
    /// The span of one step of a run (one Quartz firing of the dataset's job), <c>orchestrator.glue.run.&lt;step&gt;</c> with
    /// step <c>admit</c>, <c>start</c>, <c>reattach</c> or <c>poll</c>: a child of the run span's derived context
    /// (<see cref="Tracing.RunTrace.ContextOf"/>), whichever task runs it, so partition registration, StartJobRun and the polls
    /// all hang under the run.
    /// </summary>
    internal static Activity? StartStep(Guid runId, string dataset, string step)
    {
        var activity = Source.StartActivity("orchestrator.glue.run." + step, ActivityKind.Internal, Tracing.RunTrace.ContextOf(runId));
        activity?.SetTag("orchestrator.dataset", dataset);
        activity?.SetTag("orchestrator.run_id", runId.ToString("D"));
        activity?.SetTag("orchestrator.glue.step", step);
        return activity;
    }
}
