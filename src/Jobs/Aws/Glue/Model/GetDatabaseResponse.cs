namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>Output of <c>AWSGlue.GetDatabase</c>.</summary>
public sealed class GetDatabaseResponse : AmazonWebServiceResponse
{
    public Database? Database { get; set; }
}
