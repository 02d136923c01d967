using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.Jobs.Storage;

namespace Orchestrator.IntegrationTests.Ingestion;

/// <summary>Ingestion on the embedded default: a SQLite file.</summary>
[Collection(IngestionCollectionDefinition.Name)]
public sealed class SqliteIngestionTests(SqsS3EmulatorFixture emulator) : IngestionContractTests(emulator)
{
    protected override StoreProvider Provider => StoreProvider.Sqlite;

    protected override Task<string> CreateStoreAsync(string directory) =>
        Task.FromResult($"Data Source={Path.Combine(directory, "orchestrator.db")}");
}
