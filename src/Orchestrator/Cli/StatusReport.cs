namespace Orchestrator.Cli;

/// <summary>The <c>status</c> document.</summary>
/// <param name="Queue">The source queue, or null when it could not be read (see <paramref name="QueueError"/>).</param>
/// <param name="DeadLetterQueue">The DLQ from the queue's RedrivePolicy, or null when there is none.</param>
/// <param name="SchedulerError">Why the Quartz store could not be read (e.g. no worker created its tables yet), or null.</param>
internal sealed record StatusReport(
    DateTimeOffset At,
    QueueDepth? Queue,
    QueueDepth? DeadLetterQueue,
    string? QueueError,
    string? SchedulerError,
    IReadOnlyList<DatasetStatus> Datasets);
