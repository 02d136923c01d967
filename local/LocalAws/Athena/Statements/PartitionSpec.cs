using System.Text.Json.Nodes;
using LocalAws.Glue.Catalog;

namespace LocalAws.Athena.Statements;

/// <summary><c>PARTITION (k = 'v', k2 = 3)</c>: values put in the table's partition-key order.</summary>
internal static class PartitionSpec
{
    public static IReadOnlyList<string> Read(SqlCursor cursor, JsonObject table)
    {
        var spec = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        cursor.ExpectSymbol("(");
        do
        {
            var key = cursor.Identifier();
            cursor.ExpectSymbol("=");
            spec[key] = cursor.Literal();
        }
        while (cursor.AcceptSymbol(","));

        cursor.ExpectSymbol(")");
        var keys = TableSchema.PartitionKeys(table);
        if (spec.Count != keys.Count || keys.Any(k => !spec.ContainsKey(k.Name)))
        {
            throw new QueryFailedException(
                $"FAILED: SemanticException [Error 10098]: Non-Partition column appears in the partition specification: "
                + $"expected ({string.Join(", ", keys.Select(k => k.Name))}), got ({string.Join(", ", spec.Keys)})",
                AthenaErrorTypes.CategoryUser, AthenaErrorTypes.DdlTaskFailed);
        }

        return [.. keys.Select(k => spec[k.Name])];
    }

    /// <summary>The PartitionInput Athena registers: the table's storage descriptor with the partition's location.</summary>
    public static JsonObject Input(JsonObject table, IReadOnlyList<string> values, string location)
    {
        var storage = (JsonObject?)table["StorageDescriptor"]?.DeepClone() ?? [];
        storage["Location"] = location;
        return new JsonObject
        {
            ["Values"] = new JsonArray([.. values.Select(v => JsonValue.Create(v))]),
            ["StorageDescriptor"] = storage,
            ["Parameters"] = new JsonObject(),
        };
    }
}
