namespace Orchestrator.Jobs.Catalog;

/// <summary>How a table's new partitions reach the Glue Data Catalog. Tables with partition projection need none of them.</summary>
public enum PartitionRegistration
{
    /// <summary>Glue BatchCreatePartition, at most 100 per call; the default.</summary>
    GlueApi,

    /// <summary>Athena <c>ALTER TABLE … ADD IF NOT EXISTS PARTITION</c>, statements below Athena's 262,144-byte limit.</summary>
    AthenaDdl,

    /// <summary>Glue StartCrawler on the configured crawler; a crawler already running is already doing it.</summary>
    Crawler,
}
