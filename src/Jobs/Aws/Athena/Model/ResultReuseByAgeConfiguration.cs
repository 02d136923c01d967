namespace Orchestrator.Jobs.Aws.Athena.Model;

/// <summary>Reuse results no older than <see cref="MaxAgeInMinutes"/>.</summary>
public sealed class ResultReuseByAgeConfiguration
{
    public bool? Enabled { get; set; }

    public int? MaxAgeInMinutes { get; set; }
}
