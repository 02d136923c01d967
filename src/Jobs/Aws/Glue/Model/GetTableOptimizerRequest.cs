namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>Input of <c>AWSGlue.GetTableOptimizer</c>; every member is required (CatalogId is the account id, as GetTable reports it).</summary>
public sealed class GetTableOptimizerRequest
{
    public string? CatalogId { get; set; }

    public string? DatabaseName { get; set; }

    public string? TableName { get; set; }

    /// <summary><c>compaction</c>, <c>retention</c> or <c>orphan_file_deletion</c>.</summary>
    public string? Type { get; set; }
}
