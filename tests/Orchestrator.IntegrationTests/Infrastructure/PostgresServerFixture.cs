using Npgsql;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Orchestrator.IntegrationTests.Infrastructure;

/// <summary>
/// A PostgreSQL server for a test collection. Uses the server in <see cref="ServerVariable"/> when set; otherwise starts a
/// throwaway cluster from the installed server binaries, and fails (never skips) with install instructions when there are none.
/// Tests get their own empty databases from <see cref="CreateDatabaseAsync"/>.
/// </summary>
/// <param name="diagnostics">Where the fixture reports which server it uses and how long it took to start.</param>
public sealed class PostgresServerFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    /// <summary>Environment variable holding the connection string of an existing server to use instead of a throwaway one.</summary>
    public const string ServerVariable = "ORCHESTRATOR_TEST_POSTGRES";

    private readonly List<string> _databases = [];
    private ThrowawayPostgresCluster? _cluster;
    private string _adminConnectionString = string.Empty;

    /// <summary>How long it took to have a server ready (zero for an external one).</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        string? external = Environment.GetEnvironmentVariable(ServerVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            _adminConnectionString = external;
            diagnostics.OnMessage(new DiagnosticMessage($"PostgreSQL: using the server in {ServerVariable}."));
            return;
        }

        long started = TimeProvider.System.GetTimestamp();
        _cluster = await ThrowawayPostgresCluster.StartAsync();
        _adminConnectionString = _cluster.AdminConnectionString;
        StartupTime = TimeProvider.System.GetElapsedTime(started);
        diagnostics.OnMessage(new DiagnosticMessage($"PostgreSQL: throwaway cluster ready in {StartupTime.TotalSeconds:F1} s."));
    }

    /// <summary>
    /// Restarts the throwaway server (immediate stop, same port): every open connection fails. Not possible with an external
    /// server (<see cref="ServerVariable"/>), which this fixture does not own.
    /// </summary>
    public Task RestartAsync() => _cluster is { } cluster
        ? cluster.RestartAsync()
        : throw new InvalidOperationException($"The server in {ServerVariable} is not this fixture's to restart.");

    /// <summary>Creates an empty database with a random name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        string name = $"orchestrator_test_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        lock (_databases)
        {
            _databases.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing any connection still on it.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        string name = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));
        lock (_databases)
        {
            if (!_databases.Remove(name))
            {
                throw new ArgumentException($"Database '{name}' was not created by this fixture.", nameof(connectionString));
            }
        }

        // The test's pools would otherwise hand out connections to a database that no longer exists.
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
            return;
        }

        // An external server outlives the tests: leave it as it was found.
        foreach (string name in _databases.ToArray())
        {
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        // Unpooled: administrative commands must not leave idle sessions behind on the server.
        var builder = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
