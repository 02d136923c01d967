using System.Text.Json.Nodes;

namespace LocalAws.Glue.Catalog;

/// <summary>A table and its partitions, keyed by their values (ordinal order gives stable paging).</summary>
internal sealed class CatalogTable(JsonObject table)
{
    public JsonObject Table { get; set; } = table;

    public SortedDictionary<string, JsonObject> Partitions { get; } = new(StringComparer.Ordinal);

    public static string PartitionKey(IReadOnlyList<string> values) => string.Join('\u001f', values);
}
