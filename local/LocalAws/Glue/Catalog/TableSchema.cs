using System.Text.Json.Nodes;

namespace LocalAws.Glue.Catalog;

/// <summary>Read-only views of a Glue Table object that the job and the query engine need.</summary>
internal static class TableSchema
{
    public static IReadOnlyList<(string Name, string Type)> Columns(JsonObject table) =>
        ReadColumns(table["StorageDescriptor"]?["Columns"]);

    public static IReadOnlyList<(string Name, string Type)> PartitionKeys(JsonObject table) => ReadColumns(table["PartitionKeys"]);

    public static string? Location(JsonObject tableOrPartition) => (string?)tableOrPartition["StorageDescriptor"]?["Location"];

    public static string? Parameter(JsonObject table, string name) => (string?)table["Parameters"]?[name];

    /// <summary>Partition projection: Athena computes partitions instead of reading them from the catalog.</summary>
    public static bool ProjectionEnabled(JsonObject table) =>
        string.Equals(Parameter(table, "projection.enabled"), "true", StringComparison.OrdinalIgnoreCase);

    public static bool IsIceberg(JsonObject table) =>
        string.Equals(Parameter(table, "table_type"), "ICEBERG", StringComparison.OrdinalIgnoreCase);

    public static bool IsParquet(JsonObject table)
    {
        var sd = table["StorageDescriptor"];
        var text = $"{(string?)sd?["InputFormat"]} {(string?)sd?["SerdeInfo"]?["SerializationLibrary"]} {Parameter(table, "classification")}";
        return IsIceberg(table) || text.Contains("parquet", StringComparison.OrdinalIgnoreCase);
    }

    private static List<(string Name, string Type)> ReadColumns(JsonNode? node) =>
        node is JsonArray array
            ? [.. array.OfType<JsonObject>().Select(c => (((string?)c["Name"] ?? string.Empty).ToLowerInvariant(), (string?)c["Type"] ?? "string"))]
            : [];
}
