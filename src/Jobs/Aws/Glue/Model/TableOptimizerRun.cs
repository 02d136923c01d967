using System.Text.Json.Serialization;

namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>The last run of a managed optimizer (only what the orchestrator may log).</summary>
public sealed class TableOptimizerRun
{
    [JsonPropertyName("eventType")]
    public string? EventType { get; set; }

    [JsonPropertyName("startTimestamp")]
    public DateTime? StartTimestamp { get; set; }

    [JsonPropertyName("endTimestamp")]
    public DateTime? EndTimestamp { get; set; }

    [JsonPropertyName("error")]
    public string? Error { get; set; }
}
