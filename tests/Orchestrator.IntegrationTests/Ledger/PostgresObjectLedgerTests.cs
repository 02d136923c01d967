using Npgsql;
using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.Jobs.Ledger;
using Orchestrator.Jobs.Storage;

namespace Orchestrator.IntegrationTests.Ledger;

/// <summary>The ledger contract on a real PostgreSQL server, in a new database per test.</summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class PostgresObjectLedgerTests(PostgresServerFixture server) : ObjectLedgerContractTests
{
    private readonly List<string> _databases = [];

    /// <inheritdoc />
    protected override StoreProvider Provider => StoreProvider.PostgreSql;

    /// <inheritdoc />
    protected override int LatestSchemaVersion => PostgresLedgerMigrations.All.Count;

    /// <inheritdoc />
    protected override async Task<string> CreateEmptyStoreAsync()
    {
        string connectionString = await server.CreateDatabaseAsync();
        _databases.Add(connectionString);
        return connectionString;
    }

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<int>> ReadSchemaVersionsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT version FROM schema_version WHERE component = 'ledger' ORDER BY version", connection);
        var versions = new List<int>();
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    /// <inheritdoc />
    protected override async Task DeleteStoresAsync()
    {
        foreach (string connectionString in _databases)
        {
            await server.DropDatabaseAsync(connectionString);
        }
    }
}
