namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>Output of <c>AWSGlue.GetJobRun</c>.</summary>
public sealed class GetJobRunResponse : AmazonWebServiceResponse
{
    public JobRun? JobRun { get; set; }
}
