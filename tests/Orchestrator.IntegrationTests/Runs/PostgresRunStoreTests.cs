using Npgsql;
using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.Jobs.Ledger;
using Orchestrator.Jobs.Runs;
using Orchestrator.Jobs.Storage;

namespace Orchestrator.IntegrationTests.Runs;

/// <summary>The run store contract on a real PostgreSQL server, in a new database per test.</summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class PostgresRunStoreTests(PostgresServerFixture server) : RunStoreContractTests
{
    private readonly List<string> _databases = [];

    /// <inheritdoc />
    protected override StoreProvider Provider => StoreProvider.PostgreSql;

    /// <inheritdoc />
    protected override (int Ledger, int Runs) LatestSchemaVersions => (PostgresLedgerMigrations.All.Count, PostgresRunMigrations.All.Count);

    /// <inheritdoc />
    protected override async Task<string> CreateEmptyStoreAsync()
    {
        string connectionString = await server.CreateDatabaseAsync();
        _databases.Add(connectionString);
        return connectionString;
    }

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<int>> ReadSchemaVersionsAsync(string connectionString, string component)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT version FROM schema_version WHERE component = $1 ORDER BY version", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = component });
        var versions = new List<int>();
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    /// <inheritdoc />
    protected override async Task ExecuteSqlAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
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
