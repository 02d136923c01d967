using LocalAws.Glue.Catalog;
using LocalAws.Storage;

namespace LocalAws.Athena.Statements;

/// <summary>
/// <c>ALTER TABLE t ADD [IF NOT EXISTS] PARTITION (…) [LOCATION '…'] [PARTITION …]</c> and
/// <c>ALTER TABLE t DROP [IF EXISTS] PARTITION (…)[, PARTITION (…)]</c> and
/// <c>ALTER TABLE t PARTITION (…) SET LOCATION '…'</c>.
/// </summary>
internal sealed class AlterPartitionsStatement(GlueCatalog catalog, StatementHandler handles) : IStatement
{
    public StatementHandler Handles => handles;

    public Task<QueryResult> ExecuteAsync(QueryExecution execution, CancellationToken cancellationToken)
    {
        var cursor = new SqlCursor(execution.Query);
        cursor.ExpectWords("ALTER", "TABLE");
        var (database, tableName) = cursor.TableName(execution.Database);
        var (table, _) = CatalogAccess.Snapshot(catalog, database, tableName);
        if (handles == StatementHandler.AddPartition)
        {
            Add(cursor, database, tableName, table);
        }
        else if (handles == StatementHandler.SetPartitionLocation)
        {
            SetLocation(cursor, database, tableName, table);
        }
        else
        {
            Drop(cursor, database, tableName, table);
        }

        return Task.FromResult(QueryResult.Empty());
    }

    private void Add(SqlCursor cursor, string database, string tableName, System.Text.Json.Nodes.JsonObject table)
    {
        cursor.ExpectWords("ADD");
        var ifNotExists = cursor.AcceptWords("IF", "NOT", "EXISTS");
        var inputs = new List<System.Text.Json.Nodes.JsonObject>();
        while (cursor.AcceptWords("PARTITION"))
        {
            var values = PartitionSpec.Read(cursor, table);
            var location = cursor.AcceptWords("LOCATION") ? cursor.StringLiteral() : DefaultLocation(table, values);
            inputs.Add(PartitionSpec.Input(table, values, location));
        }

        // Athena checks every partition first, so a failing statement adds none of them.
        foreach (var input in inputs.Where(_ => !ifNotExists))
        {
            var values = ((System.Text.Json.Nodes.JsonArray)input["Values"]!).Select(v => (string)v!).ToList();
            if (catalog.FindPartition(database, tableName, values) is not null)
            {
                throw new QueryFailedException("FAILED: AlreadyExistsException: Partition already exists.",
                    AthenaErrorTypes.CategoryUser, AthenaErrorTypes.DdlTaskFailed);
            }
        }

        foreach (var input in inputs)
        {
            CatalogAccess.Run(() => catalog.TryAddPartition(database, tableName, input));
        }
    }

    private void Drop(SqlCursor cursor, string database, string tableName, System.Text.Json.Nodes.JsonObject table)
    {
        cursor.ExpectWords("DROP");
        var ifExists = cursor.AcceptWords("IF", "EXISTS");
        var specs = new List<IReadOnlyList<string>>();
        do
        {
            cursor.ExpectWords("PARTITION");
            specs.Add(PartitionSpec.Read(cursor, table));
        }
        while (cursor.AcceptSymbol(","));

        if (!ifExists && specs.FirstOrDefault(v => catalog.FindPartition(database, tableName, v) is null) is { } missing)
        {
            throw new QueryFailedException($"FAILED: SemanticException [Error 10006]: Partition not found ({string.Join(", ", missing)})",
                AthenaErrorTypes.CategoryUser, AthenaErrorTypes.DdlTaskFailed);
        }

        foreach (var values in specs)
        {
            catalog.RemovePartition(database, tableName, values);
        }
    }

    private void SetLocation(SqlCursor cursor, string database, string tableName, System.Text.Json.Nodes.JsonObject table)
    {
        cursor.ExpectWords("PARTITION");
        var values = PartitionSpec.Read(cursor, table);
        cursor.ExpectWords("SET", "LOCATION");
        var location = cursor.StringLiteral();
        if (!S3Location.TryParse(location, out _))
        {
            throw new QueryFailedException($"FAILED: '{location}' is not an S3 location", AthenaErrorTypes.CategoryUser, AthenaErrorTypes.DdlTaskFailed);
        }

        if (!catalog.SetPartitionLocation(database, tableName, values, location))
        {
            throw new QueryFailedException($"FAILED: SemanticException [Error 10006]: Partition not found ({string.Join(", ", values)})",
                AthenaErrorTypes.CategoryUser, AthenaErrorTypes.DdlTaskFailed);
        }
    }

    private static string DefaultLocation(System.Text.Json.Nodes.JsonObject table, IReadOnlyList<string> values)
    {
        var keys = TableSchema.PartitionKeys(table).Select(k => k.Name).ToList();
        return S3Location.TryParse(TableSchema.Location(table), out var root)
            ? root.Child(HivePath.Folder(keys, values)).ToString()
            : throw new QueryFailedException("FAILED: table has no location for the partition; give LOCATION '…'");
    }
}
