using Orchestrator.IntegrationTests.Infrastructure;

namespace Orchestrator.IntegrationTests.Scheduling;

/// <summary>Scheduling tests share one local AWS (SQS/S3 + Glue/Athena) and one PostgreSQL server.</summary>
[CollectionDefinition(Name)]
public sealed class GlueStackCollectionDefinition : ICollectionFixture<GlueStackFixture>, ICollectionFixture<PostgresServerFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Glue stack (SQS/S3, Glue/Athena emulators, PostgreSQL)";
}
