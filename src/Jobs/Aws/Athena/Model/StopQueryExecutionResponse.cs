namespace Orchestrator.Jobs.Aws.Athena.Model;

/// <summary>Output of <c>AmazonAthena.StopQueryExecution</c> (no members on the wire).</summary>
public sealed class StopQueryExecutionResponse : AmazonWebServiceResponse
{
}
