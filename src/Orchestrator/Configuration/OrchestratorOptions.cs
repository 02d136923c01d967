using Orchestrator.Jobs.Queries;

namespace Orchestrator.Configuration;

/// <summary>
/// The whole configuration, bound from the <c>Orchestrator</c> section (appsettings.json, then environment variables such as
/// <c>Orchestrator__Queue__Url</c>, as ECS passes them). Validated at start-up by <see cref="OrchestratorOptionsValidator"/>.
/// </summary>
public sealed class OrchestratorOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Orchestrator";

    /// <summary>AWS settings shared by every client.</summary>
    public AwsOptions Aws { get; set; } = new();

    /// <summary>The SQS queue that receives the S3 event notifications.</summary>
    public QueueOptions Queue { get; set; } = new();

    /// <summary>Where the ledger (and the Quartz store) live.</summary>
    public StoreOptions Store { get; set; } = new();

    /// <summary>The Quartz scheduler that runs Glue jobs.</summary>
    public SchedulingOptions Scheduling { get; set; } = new();

    /// <summary>How Athena statements run: workgroup, output location, DDL cap, timeout, price per TB.</summary>
    public AthenaQueryOptions Athena { get; set; } = new();

    /// <summary>The container health check's view of the worker.</summary>
    public HealthOptions Health { get; set; } = new();

    /// <summary>Datasets by name: which objects belong to them and how their partitions are read.</summary>
    public Dictionary<string, DatasetOptions> Datasets { get; set; } = new(StringComparer.Ordinal);
}
