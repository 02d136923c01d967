namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>Output of <c>AWSGlue.GetJobRuns</c>: one page of runs, newest first, and the token of the next page.</summary>
public sealed class GetJobRunsResponse : AmazonWebServiceResponse
{
    public List<JobRun>? JobRuns { get; set; }

    public string? NextToken { get; set; }
}
