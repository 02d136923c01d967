using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.Jobs.Storage;

namespace Orchestrator.IntegrationTests.Ingestion;

/// <summary>Ingestion on PostgreSQL, the scale-out store: a fresh database per test on a throwaway server.</summary>
[Collection(IngestionCollectionDefinition.Name)]
public sealed class PostgresIngestionTests(SqsS3EmulatorFixture emulator, PostgresServerFixture server) : IngestionContractTests(emulator)
{
    protected override StoreProvider Provider => StoreProvider.PostgreSql;

    protected override Task<string> CreateStoreAsync(string directory) => server.CreateDatabaseAsync();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await server.DropDatabaseAsync(ConnectionString);
    }
}
