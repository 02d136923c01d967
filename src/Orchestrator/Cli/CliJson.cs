using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Cli;

/// <summary>The one JSON shape of every <c>--json</c> output: camelCase, indented, enums as names, nulls kept.</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static Task WriteAsync<T>(TextWriter output, T value) => output.WriteLineAsync(JsonSerializer.Serialize(value, Options));
}
