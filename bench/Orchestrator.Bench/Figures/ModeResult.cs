using System.Text.Json.Nodes;

namespace Orchestrator.Bench.Figures;

/// <summary>
/// What one benchmark mode produced: its figures (the JSON object on its last line), or why there are none — the mode is
/// not in this build, or it failed.
/// </summary>
internal sealed record ModeResult(string Mode, JsonObject? Figures, string? NotRun)
{
    /// <summary>
    /// The mode's figures from its output: by the benchmarks' convention the last non-blank line is one JSON object with
    /// every figure; anything else means the mode did not finish.
    /// </summary>
    public static JsonObject? LastJsonObject(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        string? last = lines.LastOrDefault(l => !string.IsNullOrWhiteSpace(l))?.Trim();
        if (last is null || !last.StartsWith('{'))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(last) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
