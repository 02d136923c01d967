namespace Orchestrator.Jobs.Catalog;

/// <summary>What one registration batch did so far: Glue/Athena calls and partitions added. Read even when it fails halfway.</summary>
public sealed class RegistrationCounter
{
    /// <summary>Glue and Athena API calls made (GetTable, BatchCreatePartition, StartQueryExecution, StartCrawler …).</summary>
    public int Calls { get; set; }

    /// <summary>Partitions that did not exist before and were added (AlreadyExists is not counted).</summary>
    public int Added { get; set; }
}
