namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>A partition of a catalog table.</summary>
public sealed class Partition
{
    public List<string>? Values { get; set; }

    public string? DatabaseName { get; set; }

    public string? TableName { get; set; }

    public DateTime? CreationTime { get; set; }

    public DateTime? LastAccessTime { get; set; }

    public StorageDescriptor? StorageDescriptor { get; set; }

    public Dictionary<string, string>? Parameters { get; set; }

    public DateTime? LastAnalyzedTime { get; set; }

    public string? CatalogId { get; set; }
}
