namespace Orchestrator.Jobs.Aws.Athena.Model;

/// <summary>Input of <c>AmazonAthena.StopQueryExecution</c>.</summary>
public sealed class StopQueryExecutionRequest
{
    public string? QueryExecutionId { get; set; }
}
