using System.Text.Json.Nodes;

namespace LocalAws.Glue.Catalog;

internal sealed class CatalogDatabase(JsonObject database)
{
    public JsonObject Database { get; } = database;

    public SortedDictionary<string, CatalogTable> Tables { get; } = new(StringComparer.Ordinal);
}
