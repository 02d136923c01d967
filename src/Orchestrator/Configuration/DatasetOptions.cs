namespace Orchestrator.Configuration;

/// <summary>One dataset: where its objects land, the tables they belong to, and the Glue job that processes them.</summary>
public sealed class DatasetOptions
{
    /// <summary>Where the raw objects land and how their keys carry partition values.</summary>
    public DatasetSourceOptions Source { get; set; } = new();

    /// <summary>The table the raw objects belong to; its new partitions are registered before each Glue run.</summary>
    public TableOptions RawTable { get; set; } = new();

    /// <summary>The Glue job that processes the raw objects, and when it runs.</summary>
    public GlueJobOptions Glue { get; set; } = new();

    /// <summary>The table the job writes; its new partitions are registered after each successful run.</summary>
    public TableOptions OutputTable { get; set; } = new();

    /// <summary>Athena maintenance tasks on cron schedules: SQL, OPTIMIZE, VACUUM, MSCK REPAIR, partition compaction, data checks.</summary>
    public List<MaintenanceTaskOptions> Maintenance { get; set; } = [];
}
