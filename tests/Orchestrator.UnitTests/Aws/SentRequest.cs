using System.Text.Json;

namespace Orchestrator.UnitTests.Aws;

/// <summary>One request as the fake transport received it, after signing.</summary>
internal sealed record SentRequest(HttpRequestMessage Message, string Body)
{
    public string? Header(string name) =>
        Message.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    public string? Target => Header("X-Amz-Target");

    public string? Authorization => Header("Authorization");

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
