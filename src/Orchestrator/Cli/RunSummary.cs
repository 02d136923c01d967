using Orchestrator.Jobs.Runs;

namespace Orchestrator.Cli;

/// <summary>A run as <c>status</c> shows it.</summary>
/// <param name="Duration">Glue's StartedOn to CompletedOn (or to now while active); from the request when Glue never started it.</param>
internal sealed record RunSummary(
    Guid RunId,
    RunTrigger Trigger,
    RunState State,
    string? GlueState,
    string? JobRunId,
    DateTimeOffset RequestedAt,
    TimeSpan? Duration,
    string? Error)
{
    public static RunSummary From(GlueRun run, DateTimeOffset now)
    {
        var from = run.StartedAt ?? run.RequestedAt;
        var to = run.CompletedAt ?? (run.IsActive ? now : (DateTimeOffset?)null);
        return new RunSummary(run.RunId, run.Trigger, run.State, run.GlueState, run.JobRunId, run.RequestedAt, to - from, run.Error);
    }
}
