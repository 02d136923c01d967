using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Orchestrator.Jobs.Ledger;

/// <summary>How every store in the SQLite file (the ledger, the run store) opens it, so they lock and journal alike.</summary>
internal static class SqliteConnections
{
    // How long a writer waits for another's lock. A batch commits in milliseconds, so 30 s only runs out when a process hangs.
    private const int BusyTimeoutMilliseconds = 30_000;

    /// <summary>The normalized connection string; refuses an in-memory database, which vanishes with its last connection.</summary>
    public static string FileConnectionString(string connectionString, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString, parameterName);
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
        {
            throw new ArgumentException("The SQLite store needs a file path, e.g. 'Data Source=/var/lib/orchestrator/ledger.db'.",
                parameterName);
        }

        return builder.ToString();
    }

    /// <summary>Opens a connection that waits for other writers' locks instead of failing at once with SQLITE_BUSY.</summary>
    public static async Task<SqliteConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using SqliteCommand pragma = connection.CreateCommand();
            pragma.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};");
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Puts the file in WAL mode (readers do not block the writer). The journal mode is stored in the file and cannot change
    /// inside a transaction, so this runs before migrating.
    /// </summary>
    public static async Task UseWalAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using SqliteCommand wal = connection.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode = WAL;";
        string? mode = (string?)await wal.ExecuteScalarAsync(cancellationToken);
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"SQLite refused WAL mode (journal mode is '{mode}'); put the file on a local file system.");
        }
    }

    /// <summary>Pooled connections keep the file (and its -wal/-shm files) open after the store is gone.</summary>
    public static void ClearPool(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
