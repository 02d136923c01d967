using Orchestrator.IntegrationTests.Infrastructure;

namespace Orchestrator.IntegrationTests.Ingestion;

/// <summary>Ingestion tests need both a queue (the SQS/S3 emulator) and, for the PostgreSQL variant, a database server.</summary>
[CollectionDefinition(Name)]
public sealed class IngestionCollectionDefinition : ICollectionFixture<SqsS3EmulatorFixture>, ICollectionFixture<PostgresServerFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Ingestion (SQS emulator and PostgreSQL)";
}
