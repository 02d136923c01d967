using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using LocalAws.Athena.Statements;
using LocalAws.Sql;
using LocalAws.Storage;

namespace LocalAws.Athena.Engine;

/// <summary>SELECT / WITH / VALUES, run by DuckDB over the registered data of the tables the query names.</summary>
internal sealed partial class SelectStatement(TableViews views) : IStatement
{
    public StatementHandler Handles => StatementHandler.Select;

    public async Task<QueryResult> ExecuteAsync(QueryExecution execution, CancellationToken cancellationToken)
    {
        using var temp = new TempFolder("query");
        using var duck = new DuckDbSession();
        var (result, _, _) = await RunAsync(views, duck, temp, execution.Query, execution.Database, cancellationToken);
        return result;
    }

    /// <summary>Runs <paramref name="sql"/> into the DuckDB table <c>athena_result</c>; CTAS reuses it before writing files.</summary>
    public static async Task<(QueryResult Result, long Scanned, DuckDbSession Session)> RunAsync(
        TableViews views, DuckDbSession duck, TempFolder temp, string sql, string? database, CancellationToken cancellationToken)
    {
        var query = Catalog().Replace(StatementClassifier.StripComments(sql), string.Empty);
        var scanned = await views.CreateAsync(duck, query, database, temp, cancellationToken);
        try
        {
            if (database is not null)
            {
                duck.Execute($"CREATE SCHEMA IF NOT EXISTS {SqlText.Identifier(database.ToLowerInvariant())}");
                duck.Execute($"SET search_path = {SqlText.Literal(database.ToLowerInvariant() + ",main")}");
            }

            cancellationToken.ThrowIfCancellationRequested();
            duck.Execute($"CREATE TEMP TABLE athena_result AS {query}");
        }
        catch (DuckDBException error)
        {
            throw DuckDbErrors.Translate(error.Message, database);
        }

        var (columns, rows) = ResultReader.Read(duck, "athena_result");
        return (new QueryResult(columns, rows, scanned, null), scanned, duck);
    }

    // Athena's default catalog name in qualified table names; DuckDB knows the tables by schema.table only.
    [GeneratedRegex(@"(?<![\w""])""?awsdatacatalog""?\s*\.\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Catalog();
}
