namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>
/// One run of a Glue job. <see cref="ExecutionTime"/> is in seconds; <see cref="DPUSeconds"/> is set for Flex and auto-scaled runs.
/// </summary>
public sealed class JobRun
{
    public string? Id { get; set; }

    public int? Attempt { get; set; }

    public string? PreviousRunId { get; set; }

    public string? TriggerName { get; set; }

    public string? JobName { get; set; }

    public string? JobMode { get; set; }

    public bool? JobRunQueuingEnabled { get; set; }

    public DateTime? StartedOn { get; set; }

    public DateTime? LastModifiedOn { get; set; }

    public DateTime? CompletedOn { get; set; }

    public JobRunState? JobRunState { get; set; }

    public Dictionary<string, string>? Arguments { get; set; }

    public string? ErrorMessage { get; set; }

    public List<Predecessor>? PredecessorRuns { get; set; }

    public int? ExecutionTime { get; set; }

    public int? Timeout { get; set; }

    public double? MaxCapacity { get; set; }

    public string? WorkerType { get; set; }

    public int? NumberOfWorkers { get; set; }

    public string? SecurityConfiguration { get; set; }

    public string? LogGroupName { get; set; }

    public NotificationProperty? NotificationProperty { get; set; }

    public string? GlueVersion { get; set; }

    public double? DPUSeconds { get; set; }

    public string? ExecutionClass { get; set; }

    public string? MaintenanceWindow { get; set; }

    public string? ProfileName { get; set; }

    public string? StateDetail { get; set; }
}
