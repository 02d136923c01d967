using System.Text.Json.Serialization;

namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>A Glue managed optimizer of an Iceberg table (members are lower camel case on the wire, unlike most of Glue).</summary>
public sealed class TableOptimizer
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("configuration")]
    public TableOptimizerConfiguration? Configuration { get; set; }

    [JsonPropertyName("lastRun")]
    public TableOptimizerRun? LastRun { get; set; }
}
