namespace Orchestrator.Jobs.Aws.Athena.Model;

/// <summary>Output of <c>AmazonAthena.GetWorkGroup</c>.</summary>
public sealed class GetWorkGroupResponse : AmazonWebServiceResponse
{
    public WorkGroup? WorkGroup { get; set; }
}
