using LocalAws.Glue.Catalog;

namespace LocalAws.Athena.Statements;

/// <summary>
/// <c>MSCK REPAIR TABLE t</c>: lists the table location and registers every Hive-style folder (<c>k=v/…</c>, in
/// partition-key order) that is not registered yet. Like Hive, it never removes partitions.
/// </summary>
internal sealed class MsckRepairStatement(PartitionDiscovery discovery) : IStatement
{
    public StatementHandler Handles => StatementHandler.MsckRepair;

    public async Task<QueryResult> ExecuteAsync(QueryExecution execution, CancellationToken cancellationToken)
    {
        var cursor = new SqlCursor(execution.Query);
        cursor.ExpectWords("MSCK", "REPAIR", "TABLE");
        var (database, tableName) = cursor.TableName(execution.Database);
        var added = await discovery.RegisterMissingAsync(database, tableName, cancellationToken);
        var rows = added.Select(folder => new string?[] { $"Repair: Added partition to metastore {tableName}:{folder}" }).ToList();
        return new QueryResult([new ResultColumn("result", "varchar", 2147483647, 0)], rows, 0, null);
    }
}
