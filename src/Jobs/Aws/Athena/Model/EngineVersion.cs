namespace Orchestrator.Jobs.Aws.Athena.Model;

/// <summary>The Athena engine version requested and in effect.</summary>
public sealed class EngineVersion
{
    public string? SelectedEngineVersion { get; set; }

    public string? EffectiveEngineVersion { get; set; }
}
