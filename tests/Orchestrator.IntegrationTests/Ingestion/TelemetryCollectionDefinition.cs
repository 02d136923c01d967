using Orchestrator.IntegrationTests.Infrastructure;

namespace Orchestrator.IntegrationTests.Ingestion;

/// <summary>
/// Metric instruments are process-wide: a worker running in another test collection at the same time would add to the
/// counters this collection asserts on. DisableParallelization runs it alone, after the parallel collections.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollectionDefinition : ICollectionFixture<SqsS3EmulatorFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Telemetry (runs alone)";
}
