namespace Orchestrator.Jobs.Aws.Athena.Model;

/// <summary>What a query cost: bytes scanned (what Athena bills) and times in milliseconds.</summary>
public sealed class QueryExecutionStatistics
{
    public long? EngineExecutionTimeInMillis { get; set; }

    public long? DataScannedInBytes { get; set; }

    public string? DataManifestLocation { get; set; }

    public long? TotalExecutionTimeInMillis { get; set; }

    public long? QueryQueueTimeInMillis { get; set; }

    public long? ServicePreProcessingTimeInMillis { get; set; }

    public long? QueryPlanningTimeInMillis { get; set; }

    public long? ServiceProcessingTimeInMillis { get; set; }

    public ResultReuseInformation? ResultReuseInformation { get; set; }
}
