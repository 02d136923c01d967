namespace Orchestrator.Configuration;

/// <summary>A Glue Data Catalog table.</summary>
public sealed class TableOptions
{
    /// <summary>Glue database.</summary>
    public string Database { get; set; } = "";

    /// <summary>Glue table.</summary>
    public string Table { get; set; } = "";

    /// <summary>True when both are set.</summary>
    public bool IsSet => Database.Length > 0 && Table.Length > 0;
}
