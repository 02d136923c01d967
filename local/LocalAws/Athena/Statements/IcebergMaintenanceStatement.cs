using LocalAws.Glue.Catalog;

namespace LocalAws.Athena.Statements;

/// <summary>
/// <c>OPTIMIZE t REWRITE DATA USING BIN_PACK [WHERE …]</c> and <c>VACUUM t</c>. Accepted for tables with
/// <c>table_type = ICEBERG</c> (the emulator does not rewrite or expire files: it has no Iceberg metadata to keep);
/// rejected for any other table as Athena does. The rejection text is modelled on Athena's NOT_SUPPORTED errors; the
/// exact service wording could not be looked up offline.
/// </summary>
internal sealed class IcebergMaintenanceStatement(GlueCatalog catalog, StatementHandler handles) : IStatement
{
    public StatementHandler Handles => handles;

    public Task<QueryResult> ExecuteAsync(QueryExecution execution, CancellationToken cancellationToken)
    {
        var cursor = new SqlCursor(execution.Query);
        var verb = handles == StatementHandler.Optimize ? "OPTIMIZE" : "VACUUM";
        cursor.ExpectWords(verb);
        var (database, tableName) = cursor.TableName(execution.Database);
        if (handles == StatementHandler.Optimize)
        {
            cursor.ExpectWords("REWRITE", "DATA", "USING", "BIN_PACK");
        }

        var (table, _) = CatalogAccess.Snapshot(catalog, database, tableName);
        if (!TableSchema.IsIceberg(table))
        {
            throw new QueryFailedException(
                $"NOT_SUPPORTED: {verb} is only supported for Iceberg tables. Table awsdatacatalog.{database}.{tableName} is not an Iceberg table",
                AthenaErrorTypes.CategoryUser, AthenaErrorTypes.NotSupported);
        }

        return Task.FromResult(QueryResult.Empty());
    }
}
