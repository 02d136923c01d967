namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>A run that could not be stopped, and why.</summary>
public sealed class BatchStopJobRunError
{
    public string? JobName { get; set; }

    public string? JobRunId { get; set; }

    public ErrorDetail? ErrorDetail { get; set; }
}
