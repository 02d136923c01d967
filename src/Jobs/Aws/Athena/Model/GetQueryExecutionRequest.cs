namespace Orchestrator.Jobs.Aws.Athena.Model;

/// <summary>Input of <c>AmazonAthena.GetQueryExecution</c>.</summary>
public sealed class GetQueryExecutionRequest
{
    public string? QueryExecutionId { get; set; }
}
