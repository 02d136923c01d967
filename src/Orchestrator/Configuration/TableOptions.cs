namespace Orchestrator.Configuration;

/// <summary>A Glue Data Catalog table, and how its new partitions are registered.</summary>
public sealed class TableOptions
{
    /// <summary>Glue database.</summary>
    public string Database { get; set; } = "";

    /// <summary>Glue table.</summary>
    public string Table { get; set; } = "";

    /// <summary><c>GlueApi</c> (default, BatchCreatePartition), <c>AthenaDdl</c> (ALTER TABLE ADD PARTITION) or <c>Crawler</c>.</summary>
    public string Registration { get; set; } = "GlueApi";

    /// <summary>The Glue crawler to start; required with <c>Registration = Crawler</c>, refused otherwise.</summary>
    public string? Crawler { get; set; }

    /// <summary>True when both are set.</summary>
    public bool IsSet => Database.Length > 0 && Table.Length > 0;
}
