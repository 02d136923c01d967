namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>Output of <c>AWSGlue.GetTable</c>.</summary>
public sealed class GetTableResponse : AmazonWebServiceResponse
{
    public Table? Table { get; set; }
}
