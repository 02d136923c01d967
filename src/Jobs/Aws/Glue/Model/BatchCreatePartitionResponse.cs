namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>
/// Output of <c>AWSGlue.BatchCreatePartition</c>: the call succeeds as a whole, failures are per partition in <see cref="Errors"/>
/// (e.g. <c>AlreadyExistsException</c>).
/// </summary>
public sealed class BatchCreatePartitionResponse : AmazonWebServiceResponse
{
    public List<PartitionError>? Errors { get; set; }
}
