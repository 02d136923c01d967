using Orchestrator.IntegrationTests.Infrastructure;

namespace Orchestrator.IntegrationTests.Scheduling;

/// <summary>
/// Three worker processes and a cluster whose failure detection is measured in seconds: on a 2-core machine the other test
/// collections' load would delay check-ins past the threshold, so this collection runs alone, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollectionDefinition : ICollectionFixture<GlueStackFixture>, ICollectionFixture<PostgresServerFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Cluster (runs alone)";
}
