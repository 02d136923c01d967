namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>Input of <c>AWSGlue.GetJobRun</c>.</summary>
public sealed class GetJobRunRequest
{
    public string? JobName { get; set; }

    public string? RunId { get; set; }

    public bool? PredecessorsIncluded { get; set; }
}
