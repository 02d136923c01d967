namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>A Glue Data Catalog table (subset: view definitions, federation and status details are not mapped).</summary>
public sealed class Table
{
    public string? Name { get; set; }

    public string? DatabaseName { get; set; }

    public string? Description { get; set; }

    public string? Owner { get; set; }

    public DateTime? CreateTime { get; set; }

    public DateTime? UpdateTime { get; set; }

    public DateTime? LastAccessTime { get; set; }

    public DateTime? LastAnalyzedTime { get; set; }

    public int? Retention { get; set; }

    public StorageDescriptor? StorageDescriptor { get; set; }

    public List<Column>? PartitionKeys { get; set; }

    public string? ViewOriginalText { get; set; }

    public string? ViewExpandedText { get; set; }

    public string? TableType { get; set; }

    public Dictionary<string, string>? Parameters { get; set; }

    public string? CreatedBy { get; set; }

    public bool? IsRegisteredWithLakeFormation { get; set; }

    public string? CatalogId { get; set; }

    public string? VersionId { get; set; }

    public bool? IsMultiDialectView { get; set; }
}
