using LocalAws.Athena.Statements;
using LocalAws.Storage;

namespace LocalAws.Glue.Catalog;

/// <summary>
/// Finds Hive-style folders (<c>k=v/…</c>, in partition-key order) under a table's location and registers those not in the
/// catalog yet — what both MSCK REPAIR TABLE and a crawler run do. Never removes partitions.
/// </summary>
internal sealed class PartitionDiscovery(GlueCatalog catalog, S3Storage s3)
{
    /// <summary>Registers the table's missing partitions; returns the folders added (relative, without trailing '/').</summary>
    public async Task<IReadOnlyList<string>> RegisterMissingAsync(string database, string tableName, CancellationToken cancellationToken)
    {
        var (table, _) = CatalogAccess.Snapshot(catalog, database, tableName);
        var keys = TableSchema.PartitionKeys(table).Select(k => k.Name).ToList();
        if (keys.Count == 0 || !S3Location.TryParse(TableSchema.Location(table), out var root))
        {
            return [];
        }

        var objects = await s3.ListAsync(root, cancellationToken);
        var folders = objects
            .Select(o => HivePath.Values(o.Key[root.Prefix.Length..], keys))
            .Where(v => v is not null)
            .DistinctBy(v => string.Join('\u001f', v!))
            .ToList();
        var added = new List<string>();
        foreach (var values in folders)
        {
            var input = PartitionSpec.Input(table, values!, root.Child(HivePath.Folder(keys, values!)).ToString());
            if (catalog.TryAddPartition(database, tableName, input))
            {
                added.Add(HivePath.Folder(keys, values!).TrimEnd('/'));
            }
        }

        return added;
    }
}
