namespace LocalAws.Athena;

/// <summary>A finished statement's result: typed columns and rows of text values (null = SQL NULL).</summary>
internal sealed record QueryResult(IReadOnlyList<ResultColumn> Columns, IReadOnlyList<string?[]> Rows, long DataScannedInBytes, long? UpdateCount)
{
    public static QueryResult Empty(long dataScanned = 0) => new([], [], dataScanned, null);
}
