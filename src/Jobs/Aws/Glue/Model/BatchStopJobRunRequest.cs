namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>Input of <c>AWSGlue.BatchStopJobRun</c>.</summary>
public sealed class BatchStopJobRunRequest
{
    public string? JobName { get; set; }

    public List<string>? JobRunIds { get; set; }
}
