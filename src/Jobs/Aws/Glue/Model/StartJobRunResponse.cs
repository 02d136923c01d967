namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>Output of <c>AWSGlue.StartJobRun</c>: the id of the run that was started.</summary>
public sealed class StartJobRunResponse : AmazonWebServiceResponse
{
    public string? JobRunId { get; set; }
}
