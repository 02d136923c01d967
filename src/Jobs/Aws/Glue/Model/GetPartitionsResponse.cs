namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>Output of <c>AWSGlue.GetPartitions</c>: one page of partitions and the token of the next page.</summary>
public sealed class GetPartitionsResponse : AmazonWebServiceResponse
{
    public List<Partition>? Partitions { get; set; }

    public string? NextToken { get; set; }
}
