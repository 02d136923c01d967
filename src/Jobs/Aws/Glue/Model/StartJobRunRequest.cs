namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>
/// Input of <c>AWSGlue.StartJobRun</c>. <see cref="Arguments"/> override the job's default arguments for this run (e.g. <c>--job-
/// bookmark-option</c>).
/// </summary>
public sealed class StartJobRunRequest
{
    public string? JobName { get; set; }

    public bool? JobRunQueuingEnabled { get; set; }

    public string? JobRunId { get; set; }

    public Dictionary<string, string>? Arguments { get; set; }

    public int? Timeout { get; set; }

    public double? MaxCapacity { get; set; }

    public string? SecurityConfiguration { get; set; }

    public NotificationProperty? NotificationProperty { get; set; }

    public string? WorkerType { get; set; }

    public int? NumberOfWorkers { get; set; }

    public string? ExecutionClass { get; set; }
}
