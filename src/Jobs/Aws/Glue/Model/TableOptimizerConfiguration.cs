using System.Text.Json.Serialization;

namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>Whether a managed optimizer runs, and the role it runs as.</summary>
public sealed class TableOptimizerConfiguration
{
    [JsonPropertyName("roleArn")]
    public string? RoleArn { get; set; }

    [JsonPropertyName("enabled")]
    public bool? Enabled { get; set; }
}
