namespace Orchestrator.Jobs.Aws.Athena.Model;

/// <summary>
/// Output of <c>AmazonAthena.GetQueryResults</c>. For SELECT, the first row of the first page holds the column names.
/// </summary>
public sealed class GetQueryResultsResponse : AmazonWebServiceResponse
{
    public long? UpdateCount { get; set; }

    public ResultSet? ResultSet { get; set; }

    public string? NextToken { get; set; }
}
