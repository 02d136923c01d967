using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.IntegrationTests.Scheduling;

namespace Orchestrator.IntegrationTests.Reliability;

/// <summary>
/// The reliability runs kill, restart and overload processes on purpose and measure timing-sensitive things (no overlap, drain
/// within the budget): on a 2-core machine the other collections' load would blur both, so this collection runs alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReliabilityCollectionDefinition : ICollectionFixture<GlueStackFixture>, ICollectionFixture<PostgresServerFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Reliability (runs alone)";
}
