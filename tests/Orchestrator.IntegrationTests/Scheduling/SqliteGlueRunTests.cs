using Orchestrator.Jobs.Storage;

namespace Orchestrator.IntegrationTests.Scheduling;

/// <summary>Glue runs on the embedded default: Quartz and the run store in one SQLite file.</summary>
[Collection(GlueStackCollectionDefinition.Name)]
public sealed class SqliteGlueRunTests(GlueStackFixture stack) : GlueRunContractTests(stack)
{
    protected override StoreProvider Provider => StoreProvider.Sqlite;

    protected override Task<string> CreateStoreAsync(string directory) => Task.FromResult($"Data Source={Path.Combine(directory, "orchestrator.db")}");
}
