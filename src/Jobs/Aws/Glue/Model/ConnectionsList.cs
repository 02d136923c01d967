namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>The connections a job uses.</summary>
public sealed class ConnectionsList
{
    public List<string>? Connections { get; set; }
}
