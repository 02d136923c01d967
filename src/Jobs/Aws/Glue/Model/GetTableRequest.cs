namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>Input of <c>AWSGlue.GetTable</c>.</summary>
public sealed class GetTableRequest
{
    public string? CatalogId { get; set; }

    public string? DatabaseName { get; set; }

    public string? Name { get; set; }

    public string? TransactionId { get; set; }

    public DateTime? QueryAsOfTime { get; set; }

    public bool? IncludeStatusDetails { get; set; }
}
