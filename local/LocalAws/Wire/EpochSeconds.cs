using System.Text.Json.Nodes;

namespace LocalAws.Wire;

/// <summary>
/// JSON 1.1 timestamps: epoch seconds as a JSON number (fractional, millisecond precision), which is what the
/// official SDKs parse for members of type timestamp.
/// </summary>
internal static class EpochSeconds
{
    public static JsonNode From(DateTimeOffset time) => JsonValue.Create(Math.Round(time.ToUnixTimeMilliseconds() / 1000.0, 3));
}
