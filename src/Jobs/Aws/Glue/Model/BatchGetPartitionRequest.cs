namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>Input of <c>AWSGlue.BatchGetPartition</c> (at most 1000 partitions per call).</summary>
public sealed class BatchGetPartitionRequest
{
    public string? CatalogId { get; set; }

    public string? DatabaseName { get; set; }

    public string? TableName { get; set; }

    public List<PartitionValueList>? PartitionsToGet { get; set; }
}
