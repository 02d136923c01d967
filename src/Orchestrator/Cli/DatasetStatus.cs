namespace Orchestrator.Cli;

/// <summary>One configured dataset in <c>status</c>: its objects, runs and triggers.</summary>
/// <param name="GlueJob">The Glue job, or null when the dataset only registers partitions.</param>
internal sealed record DatasetStatus(
    string Name,
    string? GlueJob,
    ObjectCounts Objects,
    RunSummary? ActiveRun,
    RunSummary? LastFinishedRun,
    IReadOnlyList<ScheduledTrigger> Triggers);
