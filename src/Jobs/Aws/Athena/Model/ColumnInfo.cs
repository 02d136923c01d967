namespace Orchestrator.Jobs.Aws.Athena.Model;

/// <summary>A result column: name, Athena type and nullability (<c>NOT_NULL</c>, <c>NULLABLE</c>, <c>UNKNOWN</c>).</summary>
public sealed class ColumnInfo
{
    public string? CatalogName { get; set; }

    public string? SchemaName { get; set; }

    public string? TableName { get; set; }

    public string? Name { get; set; }

    public string? Label { get; set; }

    public string? Type { get; set; }

    public int? Precision { get; set; }

    public int? Scale { get; set; }

    public string? Nullable { get; set; }

    public bool? CaseSensitive { get; set; }
}
