using LocalAws.Glue.Catalog;
using LocalAws.Storage;

namespace LocalAws.Athena.Statements;

/// <summary>
/// <c>MSCK REPAIR TABLE t</c>: lists the table location and registers every Hive-style folder (<c>k=v/…</c>, in
/// partition-key order) that is not registered yet. Like Hive, it never removes partitions.
/// </summary>
internal sealed class MsckRepairStatement(GlueCatalog catalog, S3Storage s3) : IStatement
{
    public StatementHandler Handles => StatementHandler.MsckRepair;

    public async Task<QueryResult> ExecuteAsync(QueryExecution execution, CancellationToken cancellationToken)
    {
        var cursor = new SqlCursor(execution.Query);
        cursor.ExpectWords("MSCK", "REPAIR", "TABLE");
        var (database, tableName) = cursor.TableName(execution.Database);
        var (table, _) = CatalogAccess.Snapshot(catalog, database, tableName);
        var keys = TableSchema.PartitionKeys(table).Select(k => k.Name).ToList();
        if (keys.Count == 0 || !S3Location.TryParse(TableSchema.Location(table), out var root))
        {
            return QueryResult.Empty();
        }

        var objects = await s3.ListAsync(root, cancellationToken);
        var folders = objects
            .Select(o => HivePath.Values(o.Key[root.Prefix.Length..], keys))
            .Where(v => v is not null)
            .DistinctBy(v => string.Join('\u001f', v!))
            .ToList();
        var rows = new List<string?[]>();
        foreach (var values in folders)
        {
            var input = PartitionSpec.Input(table, values!, root.Child(HivePath.Folder(keys, values!)).ToString());
            if (catalog.TryAddPartition(database, tableName, input))
            {
                rows.Add([$"Repair: Added partition to metastore {tableName}:{HivePath.Folder(keys, values!).TrimEnd('/')}"]);
            }
        }

        return new QueryResult([new ResultColumn("result", "varchar", 2147483647, 0)], rows, 0, null);
    }
}
