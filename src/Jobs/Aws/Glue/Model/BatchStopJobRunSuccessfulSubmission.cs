namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>A run whose stop request was accepted.</summary>
public sealed class BatchStopJobRunSuccessfulSubmission
{
    public string? JobName { get; set; }

    public string? JobRunId { get; set; }
}
