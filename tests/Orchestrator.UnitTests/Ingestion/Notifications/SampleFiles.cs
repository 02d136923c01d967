using System.Text.Json.Nodes;

namespace Orchestrator.UnitTests.Ingestion.Notifications;

/// <summary>Reads the notification samples copied next to the test assembly, and makes broken variants of them.</summary>
internal static class SampleFiles
{
    public static IEnumerable<string> Names =>
        Directory.EnumerateFiles(Folder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static string Read(string name) => File.ReadAllText(Path.Combine(Folder, name));

    /// <summary>The sample with <paramref name="change"/> applied to its JSON tree.</summary>
    public static string Mutate(string name, Action<JsonNode> change)
    {
        JsonNode root = JsonNode.Parse(Read(name))!;
        change(root);
        return root.ToJsonString();
    }

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Samples");
}
