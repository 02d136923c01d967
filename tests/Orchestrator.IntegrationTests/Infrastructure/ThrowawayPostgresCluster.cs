using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Orchestrator.IntegrationTests.Infrastructure;

/// <summary>
/// A private PostgreSQL cluster in a temp folder: initdb, pg_ctl start on 127.0.0.1 and a free port, and on dispose an
/// immediate stop and the folder deleted. Nothing of the machine's own clusters is used or left running.
/// </summary>
internal sealed class ThrowawayPostgresCluster : IAsyncDisposable
{
    private const string PostgresRoot = "/usr/lib/postgresql";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private readonly string _binDirectory;
    private readonly string _directory;
    private readonly bool _asPostgresUser;

    private ThrowawayPostgresCluster(string binDirectory, string directory, bool asPostgresUser)
    {
        _binDirectory = binDirectory;
        _directory = directory;
        _asPostgresUser = asPostgresUser;
    }

    /// <summary>Connection string for the superuser <c>postgres</c> on the <c>postgres</c> database.</summary>
    public string AdminConnectionString { get; private set; } = string.Empty;

    private string DataDirectory => Path.Combine(_directory, "data");

    public static async Task<ThrowawayPostgresCluster> StartAsync()
    {
        string binDirectory = FindNewestBinDirectory();

        // initdb refuses to run as root: as root the cluster belongs to the postgres user the package created.
        bool asPostgresUser = Environment.IsPrivilegedProcess;
        string directory = Directory.CreateTempSubdirectory("orchestrator-pg-").FullName;
        var cluster = new ThrowawayPostgresCluster(binDirectory, directory, asPostgresUser);
        try
        {
            if (asPostgresUser)
            {
                await ProcessRunner.RunAsync("chown", ["postgres:postgres", directory], directory, CommandTimeout);
            }

            // trust is acceptable only because the server listens on 127.0.0.1 and a socket in a private folder.
            await cluster.RunAsync("initdb",
                ["-D", cluster.DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
            await cluster.StartOnFreePortAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                await RunAsync("pg_ctl", ["stop", "-D", DataDirectory, "-m", "immediate", "-w"]);
            }
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>
    /// Stops the server as a crash would (immediate mode: no checkpoint, every connection cut) and starts it again on the same
    /// port with the same options, for tests of what clients do when their database goes away and comes back.
    /// </summary>
    public Task RestartAsync() => RunAsync("pg_ctl", ["restart", "-D", DataDirectory, "-l", Path.Combine(_directory, "server.log"), "-m", "immediate", "-w", "-t", "60"]);

    private static string FindNewestBinDirectory()
    {
        string? bin = Directory.Exists(PostgresRoot)
            ? Directory.GetDirectories(PostgresRoot)
                .Where(d => File.Exists(Path.Combine(d, "bin", "initdb")))
                .OrderByDescending(d => MajorVersion(Path.GetFileName(d)))
                .Select(d => Path.Combine(d, "bin"))
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            $"PostgreSQL server binaries are missing: no {PostgresRoot}/*/bin/initdb on this machine, and these tests need a " +
            "real PostgreSQL. Install it with 'apt-get install -y postgresql' (tests/run does this), or set " +
            $"{PostgresServerFixture.ServerVariable} to the connection string of a server where the tests may create and drop databases.");
    }

    private static decimal MajorVersion(string name) =>
        decimal.TryParse(name, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal version) ? version : 0;

    private async Task StartOnFreePortAsync()
    {
        // The port is free when probed but could be taken before the server binds it; a couple of retries cover that race.
        for (int attempt = 1; ; attempt++)
        {
            int port = FindFreePort();
            string log = Path.Combine(_directory, "server.log");
            try
            {
                await RunAsync("pg_ctl", ["start", "-D", DataDirectory, "-l", log, "-w", "-t", "60", "-o",
                    $"-p {port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off"]);
                AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
                return;
            }
            catch (InvalidOperationException) when (attempt < 3 && LogMentions(log, "could not bind"))
            {
                // Someone else took the port: try another.
            }
            catch (InvalidOperationException e) when (File.Exists(log))
            {
                string detail = $"{e.Message}{Environment.NewLine}Server log:{Environment.NewLine}{File.ReadAllText(log)}";
                throw new InvalidOperationException(detail, e);
            }
        }
    }

    private static bool LogMentions(string log, string text) =>
        File.Exists(log) && File.ReadAllText(log).Contains(text, StringComparison.Ordinal);

    private static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task<string> RunAsync(string tool, IReadOnlyList<string> arguments)
    {
        string executable = Path.Combine(_binDirectory, tool);
        return _asPostgresUser
            ? ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", executable, .. arguments], _directory, CommandTimeout)
            : ProcessRunner.RunAsync(executable, arguments, _directory, CommandTimeout);
    }
}
