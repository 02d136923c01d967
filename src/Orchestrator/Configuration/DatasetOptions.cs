namespace Orchestrator.Configuration;

/// <summary>One dataset. Later capabilities (Glue runs, tables, maintenance) add their own sections beside <see cref="Source"/>.</summary>
public sealed class DatasetOptions
{
    /// <summary>Where the raw objects land and how their keys carry partition values.</summary>
    public DatasetSourceOptions Source { get; set; } = new();
}
