namespace LocalAws.Athena.Statements;

/// <summary>Runs one kind of statement for a query execution.</summary>
internal interface IStatement
{
    StatementHandler Handles { get; }

    Task<QueryResult> ExecuteAsync(QueryExecution execution, CancellationToken cancellationToken);
}
