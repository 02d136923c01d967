namespace Orchestrator.Jobs.Aws.Athena.Model;

/// <summary>An Athena workgroup: its state and the configuration its queries run with.</summary>
public sealed class WorkGroup
{
    public string? Name { get; set; }

    public WorkGroupState? State { get; set; }

    public WorkGroupConfiguration? Configuration { get; set; }

    public string? Description { get; set; }

    public DateTime? CreationTime { get; set; }
}
