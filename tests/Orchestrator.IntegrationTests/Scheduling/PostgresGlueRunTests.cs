using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.Jobs.Storage;

namespace Orchestrator.IntegrationTests.Scheduling;

/// <summary>Glue runs on PostgreSQL with Quartz clustered (one node here; the cluster test has three).</summary>
[Collection(GlueStackCollectionDefinition.Name)]
public sealed class PostgresGlueRunTests(GlueStackFixture stack, PostgresServerFixture server) : GlueRunContractTests(stack)
{
    protected override StoreProvider Provider => StoreProvider.PostgreSql;

    protected override Task<string> CreateStoreAsync(string directory) => server.CreateDatabaseAsync();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await server.DropDatabaseAsync(ConnectionString);
    }
}
