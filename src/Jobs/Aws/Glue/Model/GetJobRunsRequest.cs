namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>Input of <c>AWSGlue.GetJobRuns</c>, one page; <see cref="NextToken"/> continues a previous page.</summary>
public sealed class GetJobRunsRequest
{
    public string? JobName { get; set; }

    public string? NextToken { get; set; }

    public int? MaxResults { get; set; }
}
