namespace Orchestrator.Jobs.Aws.Athena.Model;

/// <summary>Output of <c>AmazonAthena.StartQueryExecution</c>.</summary>
public sealed class StartQueryExecutionResponse : AmazonWebServiceResponse
{
    public string? QueryExecutionId { get; set; }
}
