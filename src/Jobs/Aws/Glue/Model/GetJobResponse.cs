namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>Output of <c>AWSGlue.GetJob</c>.</summary>
public sealed class GetJobResponse : AmazonWebServiceResponse
{
    public Job? Job { get; set; }
}
