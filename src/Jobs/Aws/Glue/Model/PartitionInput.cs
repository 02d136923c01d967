namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>A partition to create: <see cref="Values"/> in the order of the table's partition keys.</summary>
public sealed class PartitionInput
{
    public List<string>? Values { get; set; }

    public DateTime? LastAccessTime { get; set; }

    public StorageDescriptor? StorageDescriptor { get; set; }

    public Dictionary<string, string>? Parameters { get; set; }

    public DateTime? LastAnalyzedTime { get; set; }
}
