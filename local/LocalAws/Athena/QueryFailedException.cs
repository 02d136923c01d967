namespace LocalAws.Athena;

/// <summary>Ends a query FAILED: the message becomes StateChangeReason and AthenaError.ErrorMessage.</summary>
internal sealed class QueryFailedException : Exception
{
    public QueryFailedException()
        : this("Query failed")
    {
    }

    public QueryFailedException(string message)
        : this(message, AthenaErrorTypes.CategoryUser, AthenaErrorTypes.UserError)
    {
    }

    public QueryFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Category = AthenaErrorTypes.CategoryUser;
        ErrorType = AthenaErrorTypes.UserError;
    }

    public QueryFailedException(string message, int category, int errorType)
        : base(message)
    {
        Category = category;
        ErrorType = errorType;
    }

    public int Category { get; }

    public int ErrorType { get; }

    public static QueryFailedException TableNotFound(string database, string table) =>
        new($"TABLE_NOT_FOUND: line 1:1: Table 'awsdatacatalog.{database}.{table}' does not exist",
            AthenaErrorTypes.CategoryUser, AthenaErrorTypes.NotFound);

    public static QueryFailedException Syntax(string message) =>
        new($"line 1:1: {message}", AthenaErrorTypes.CategoryUser, AthenaErrorTypes.SyntaxError);
}
