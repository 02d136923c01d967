namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>Output of <c>AWSGlue.BatchGetPartition</c>: the partitions found and the keys to ask for again.</summary>
public sealed class BatchGetPartitionResponse : AmazonWebServiceResponse
{
    public List<Partition>? Partitions { get; set; }

    public List<PartitionValueList>? UnprocessedKeys { get; set; }
}
