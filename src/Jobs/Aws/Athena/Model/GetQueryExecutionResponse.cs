namespace Orchestrator.Jobs.Aws.Athena.Model;

/// <summary>Output of <c>AmazonAthena.GetQueryExecution</c>.</summary>
public sealed class GetQueryExecutionResponse : AmazonWebServiceResponse
{
    public QueryExecution? QueryExecution { get; set; }
}
