namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>Input of <c>AWSGlue.GetJob</c>: the job definition by name.</summary>
public sealed class GetJobRequest
{
    public string? JobName { get; set; }
}
