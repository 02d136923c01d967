using Microsoft.Data.Sqlite;
using Orchestrator.Jobs.Ledger;
using Orchestrator.Jobs.Runs;
using Orchestrator.Jobs.Storage;

namespace Orchestrator.IntegrationTests.Runs;

/// <summary>The run store contract on a real SQLite file in a temp folder that is deleted afterwards.</summary>
public sealed class SqliteRunStoreTests : RunStoreContractTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("orchestrator-runs-").FullName;
    private int _stores;

    /// <inheritdoc />
    protected override StoreProvider Provider => StoreProvider.Sqlite;

    /// <inheritdoc />
    protected override (int Ledger, int Runs) LatestSchemaVersions => (SqliteLedgerMigrations.All.Count, SqliteRunMigrations.All.Count);

    /// <inheritdoc />
    protected override Task<string> CreateEmptyStoreAsync()
    {
        string path = Path.Combine(_directory, $"orchestrator-{Interlocked.Increment(ref _stores)}.db");
        return Task.FromResult(new SqliteConnectionStringBuilder { DataSource = path }.ConnectionString);
    }

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<int>> ReadSchemaVersionsAsync(string connectionString, string component)
    {
        await using SqliteConnection connection = await OpenDirectAsync(connectionString);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_version WHERE component = @component ORDER BY version;";
        command.Parameters.AddWithValue("@component", component);
        var versions = new List<int>();
        await using SqliteDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    /// <inheritdoc />
    protected override async Task ExecuteSqlAsync(string connectionString, string sql)
    {
        await using SqliteConnection connection = await OpenDirectAsync(connectionString);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <inheritdoc />
    protected override Task DeleteStoresAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    // Unpooled, so the test's own connection does not keep the file open after it.
    private static async Task<SqliteConnection> OpenDirectAsync(string connectionString)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
