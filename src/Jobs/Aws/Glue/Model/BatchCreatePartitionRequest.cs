namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>Input of <c>AWSGlue.BatchCreatePartition</c> (at most 100 partitions per call).</summary>
public sealed class BatchCreatePartitionRequest
{
    public string? CatalogId { get; set; }

    public string? DatabaseName { get; set; }

    public string? TableName { get; set; }

    public List<PartitionInput>? PartitionInputList { get; set; }
}
