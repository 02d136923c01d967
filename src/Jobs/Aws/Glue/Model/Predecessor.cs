namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>A run that triggered this one.</summary>
public sealed class Predecessor
{
    public string? JobName { get; set; }

    public string? RunId { get; set; }
}
