using System.Diagnostics;
using System.Globalization;

namespace Orchestrator.IntegrationTests.Infrastructure;

/// <summary>
/// Finds Node.js and installs the npm packages a repository script needs. A missing tool is a test failure that says
/// what to install: a test that silently skips would hide a broken machine.
/// </summary>
internal static class NodeTooling
{
    /// <summary>fauxqs 1.9.2 (local/emulators) supports Node 20; 2.x would need 22.5.</summary>
    public const int MinimumNodeMajorVersion = 20;

    private const string InstallHint =
        "Install Node.js 20 or newer with npm (https://nodejs.org or the NodeSource apt packages; Debian 12's own nodejs is 18, "
        + "too old), make sure `node` is on PATH, then run `tests/run`.";

    private static readonly TimeSpan NpmTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan VersionTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The full path of <c>node</c> after checking its version; throws with an install hint otherwise.</summary>
    public static async Task<string> RequireNodeAsync(CancellationToken cancellationToken)
    {
        var node = FindOnPath("node")
            ?? throw new InvalidOperationException($"Node.js is required by the SQS/S3 emulator but `node` is not on PATH. {InstallHint}");

        var (exitCode, output) = await RunAsync(node, ["--version"], Environment.CurrentDirectory, VersionTimeout, cancellationToken);
        var version = output.Trim().TrimStart('v');
        var major = version.Split('.')[0];
        if (exitCode != 0 || !int.TryParse(major, NumberStyles.None, CultureInfo.InvariantCulture, out var majorVersion))
        {
            throw new InvalidOperationException($"`{node} --version` failed (exit code {exitCode}): {output}. {InstallHint}");
        }

        if (majorVersion < MinimumNodeMajorVersion)
        {
            throw new InvalidOperationException($"Node.js {version} at {node} is too old for the emulator. {InstallHint}");
        }

        return node;
    }

    /// <summary>
    /// Runs <c>npm ci</c> in <paramref name="packageFolder"/> when its node_modules is missing or older than package-lock.json,
    /// so <c>dotnet test</c> works on a fresh clone (tests/run does the same before it starts the tests).
    /// </summary>
    public static async Task EnsurePackagesInstalledAsync(string packageFolder, CancellationToken cancellationToken)
    {
        if (!NeedsInstall(packageFolder))
        {
            return;
        }

        var npm = FindOnPath("npm")
            ?? throw new InvalidOperationException($"{packageFolder}/node_modules is missing and `npm` is not on PATH. {InstallHint}");

        var (exitCode, output) = await RunAsync(npm, ["ci", "--no-audit", "--no-fund"], packageFolder, NpmTimeout, cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException(
                $"`npm ci` in {packageFolder} failed with exit code {exitCode}; the npm registry must be reachable. "
                + $"Output:{Environment.NewLine}{output}");
        }
    }

    private static bool NeedsInstall(string packageFolder)
    {
        // npm writes node_modules/.package-lock.json on every install: older than the lockfile means a stale install.
        var installed = Path.Combine(packageFolder, "node_modules", ".package-lock.json");
        var lockFile = Path.Combine(packageFolder, "package-lock.json");
        return !File.Exists(installed) || File.GetLastWriteTimeUtc(installed) < File.GetLastWriteTimeUtc(lockFile);
    }

    private static string? FindOnPath(string command)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, command))
            .FirstOrDefault(File.Exists);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(
        string fileName, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Cannot start {fileName}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{fileName} {string.Join(' ', arguments)}` did not finish within {timeout}.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
