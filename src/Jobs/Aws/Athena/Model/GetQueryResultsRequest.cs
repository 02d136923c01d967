namespace Orchestrator.Jobs.Aws.Athena.Model;

/// <summary>Input of <c>AmazonAthena.GetQueryResults</c>, one page (at most 1000 rows).</summary>
public sealed class GetQueryResultsRequest
{
    public string? QueryExecutionId { get; set; }

    public string? NextToken { get; set; }

    public int? MaxResults { get; set; }
}
