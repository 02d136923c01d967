namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>A partition that a batch call could not handle, and why.</summary>
public sealed class PartitionError
{
    public List<string>? PartitionValues { get; set; }

    public ErrorDetail? ErrorDetail { get; set; }
}
