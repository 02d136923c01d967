using System.Text.RegularExpressions;

namespace LocalAws.Athena.Engine;

/// <summary>Turns DuckDB's error messages into the error names Athena (Trino) uses, so clients see familiar failures.</summary>
internal static partial class DuckDbErrors
{
    public static QueryFailedException Translate(string message, string? database)
    {
        if (MissingTable().Match(message) is { Success: true } table)
        {
            return QueryFailedException.TableNotFound(database ?? "default", table.Groups[1].Value);
        }

        if (message.Contains("Parser Error", StringComparison.Ordinal))
        {
            return QueryFailedException.Syntax(message);
        }

        if (MissingColumn().Match(message) is { Success: true } column)
        {
            return new QueryFailedException($"COLUMN_NOT_FOUND: line 1:1: Column '{column.Groups[1].Value}' cannot be resolved",
                AthenaErrorTypes.CategoryUser, AthenaErrorTypes.NotFound);
        }

        return new QueryFailedException($"GENERIC_USER_ERROR: {message}");
    }

    [GeneratedRegex(@"Table with name ""?([\w.]+)""? does not exist")]
    private static partial Regex MissingTable();

    [GeneratedRegex(@"Referenced column ""?(\w+)""? not found")]
    private static partial Regex MissingColumn();
}
