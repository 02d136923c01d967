namespace LocalAws.Glue.RawToCurated;

/// <summary>The raw CSV layout the reference job reads: a header line <c>id,name,amount,date</c> and these types.</summary>
internal static class RawCsvSchema
{
    public const string Header = "id,name,amount,date";

    public static IReadOnlyList<(string Name, string DuckDbType)> Columns { get; } =
    [
        ("id", "BIGINT"),
        ("name", "VARCHAR"),
        ("amount", "DOUBLE"),
        ("date", "DATE"),
    ];

    /// <summary>Partition columns the job derives from <c>date</c> when the output table is partitioned by them.</summary>
    public static string? DerivedPartition(string name) => name.ToLowerInvariant() switch
    {
        "year" => "CAST(year(\"date\") AS INTEGER)",
        "month" => "CAST(month(\"date\") AS INTEGER)",
        "day" => "CAST(day(\"date\") AS INTEGER)",
        _ => null,
    };
}
