using LocalAws.Glue.Catalog;

namespace LocalAws.Athena.Statements;

/// <summary>Runs CREATE [EXTERNAL] TABLE against the Glue catalog.</summary>
internal sealed class CreateTableRunner(GlueCatalog catalog) : IStatement
{
    public StatementHandler Handles => StatementHandler.CreateTable;

    public Task<QueryResult> ExecuteAsync(QueryExecution execution, CancellationToken cancellationToken)
    {
        var statement = CreateTableStatement.Parse(execution.Query, execution.Database);
        var name = (string)statement.TableInput["Name"]!;
        if (catalog.TableExists(statement.Database, name))
        {
            return statement.IfNotExists
                ? Task.FromResult(QueryResult.Empty())
                : throw new QueryFailedException($"FAILED: AlreadyExistsException: Table {statement.Database}.{name} already exists",
                    AthenaErrorTypes.CategoryUser, AthenaErrorTypes.DdlTaskFailed);
        }

        CatalogAccess.Run(() => catalog.CreateTable(statement.Database, statement.TableInput));
        return Task.FromResult(QueryResult.Empty());
    }
}
