namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>
/// Input of <c>AWSGlue.GetPartitions</c>, one page; <see cref="Expression"/> is a SQL-like filter on partition keys.
/// </summary>
public sealed class GetPartitionsRequest
{
    public string? CatalogId { get; set; }

    public string? DatabaseName { get; set; }

    public string? TableName { get; set; }

    public string? Expression { get; set; }

    public string? NextToken { get; set; }

    public Segment? Segment { get; set; }

    public int? MaxResults { get; set; }

    public bool? ExcludeColumnSchema { get; set; }

    public string? TransactionId { get; set; }

    public DateTime? QueryAsOfTime { get; set; }
}
