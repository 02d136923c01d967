namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>The values that identify one partition.</summary>
public sealed class PartitionValueList
{
    public List<string>? Values { get; set; }
}
