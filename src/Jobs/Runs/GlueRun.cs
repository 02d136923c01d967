namespace Orchestrator.Jobs.Runs;

/// <summary>One orchestrator run request and what became of it in Glue.</summary>
/// <param name="RunId">Our id; also the correlation argument (<c>--orchestrator-run-id</c>) passed to Glue.</param>
/// <param name="Dataset">The dataset whose job this is.</param>
/// <param name="JobName">The Glue job.</param>
/// <param name="Trigger">What asked for it.</param>
/// <param name="State">Our state.</param>
/// <param name="Attempt">1 for the first attempt, more for retries under the retry policy.</param>
/// <param name="BookmarkOption">The <c>--job-bookmark-option</c> value sent.</param>
/// <param name="RequestedAt">When it was admitted.</param>
/// <param name="JobRunId">Glue's JobRunId, once known.</param>
/// <param name="GlueState">Glue's last reported JobRunState (STARTING, RUNNING, SUCCEEDED, FAILED, …).</param>
/// <param name="StartedAt">Glue's StartedOn.</param>
/// <param name="CompletedAt">Glue's CompletedOn (or when we gave up).</param>
/// <param name="Error">Glue's ErrorMessage, or why the start failed.</param>
/// <param name="DpuSeconds">Glue's DPUSeconds (or ExecutionTime × capacity) for cost.</param>
/// <param name="FollowUpRequested">A request arrived while this run was active: run once more after it.</param>
/// <param name="TraceParents">W3C traceparents of what caused the run (span links), space-separated, capped.</param>
/// <param name="FollowUpTraceParents">
/// W3C traceparents of the requests coalesced into this run while it was active: the causes of its follow-up run, capped.
/// </param>
public sealed record GlueRun(
    Guid RunId,
    string Dataset,
    string JobName,
    RunTrigger Trigger,
    RunState State,
    int Attempt,
    string BookmarkOption,
    DateTimeOffset RequestedAt,
    string? JobRunId = null,
    string? GlueState = null,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? CompletedAt = null,
    string? Error = null,
    double? DpuSeconds = null,
    bool FollowUpRequested = false,
    string? TraceParents = null,
    string? FollowUpTraceParents = null)
{
    /// <summary>Requested, Starting or Running.</summary>
    public bool IsActive => State is RunState.Requested or RunState.Starting or RunState.Running;
}
