using Microsoft.Data.Sqlite;
using Orchestrator.Jobs.Ledger;
using Orchestrator.Jobs.Storage;

namespace Orchestrator.IntegrationTests.Ledger;

/// <summary>The ledger contract on a real SQLite file in a temp folder that is deleted afterwards.</summary>
public sealed class SqliteObjectLedgerTests : ObjectLedgerContractTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("orchestrator-ledger-").FullName;
    private int _stores;

    /// <inheritdoc />
    protected override StoreProvider Provider => StoreProvider.Sqlite;

    /// <inheritdoc />
    protected override int LatestSchemaVersion => SqliteLedgerMigrations.All.Count;

    [Fact]
    public async Task The_file_is_in_wal_mode_so_readers_do_not_block_the_writer()
    {
        await using SqliteConnection connection = await OpenDirectAsync(ConnectionString);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    /// <inheritdoc />
    protected override Task<string> CreateEmptyStoreAsync()
    {
        string path = Path.Combine(_directory, $"ledger-{Interlocked.Increment(ref _stores)}.db");
        return Task.FromResult(new SqliteConnectionStringBuilder { DataSource = path }.ConnectionString);
    }

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<int>> ReadSchemaVersionsAsync(string connectionString)
    {
        await using SqliteConnection connection = await OpenDirectAsync(connectionString);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_version WHERE component = 'ledger' ORDER BY version;";
        var versions = new List<int>();
        await using SqliteDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
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
