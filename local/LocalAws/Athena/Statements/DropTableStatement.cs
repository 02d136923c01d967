using LocalAws.Glue.Catalog;

namespace LocalAws.Athena.Statements;

/// <summary><c>DROP TABLE [IF EXISTS] t</c>: removes the catalog entry; data stays in S3, as for Athena external tables.</summary>
internal sealed class DropTableStatement(GlueCatalog catalog) : IStatement
{
    public StatementHandler Handles => StatementHandler.DropTable;

    public Task<QueryResult> ExecuteAsync(QueryExecution execution, CancellationToken cancellationToken)
    {
        var cursor = new SqlCursor(execution.Query);
        cursor.ExpectWords("DROP", "TABLE");
        var ifExists = cursor.AcceptWords("IF", "EXISTS");
        var (database, table) = cursor.TableName(execution.Database);
        if (!catalog.TableExists(database, table))
        {
            return ifExists ? Task.FromResult(QueryResult.Empty()) : throw QueryFailedException.TableNotFound(database, table);
        }

        catalog.DeleteTable(database, table);
        return Task.FromResult(QueryResult.Empty());
    }
}
