using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Orchestrator.IntegrationTests.Infrastructure;

/// <summary>
/// A Node.js emulator script running as a child process. The script signals that it listens by printing
/// <c>READY &lt;port&gt;</c> on stdout; its stderr is kept so a failed start explains itself.
/// </summary>
internal sealed class NodeScriptProcess : IAsyncDisposable
{
    private const string ReadyPrefix = "READY ";
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly Process _process;
    private readonly StringBuilder _stderr;

    private NodeScriptProcess(Process process, StringBuilder stderr, int port)
    {
        _process = process;
        _stderr = stderr;
        Port = port;
    }

    /// <summary>The port the script reported in its READY line.</summary>
    public int Port { get; }

    /// <summary>Starts <paramref name="script"/> and waits for its READY line, its exit, or the timeout, whichever comes first.</summary>
    public static async Task<NodeScriptProcess> StartAsync(
        string node, string script, IReadOnlyList<string> arguments, TimeSpan readyTimeout, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(node)
        {
            WorkingDirectory = Path.GetDirectoryName(script),
            UseShellExecute = false,
            // stdin stays open as a lifeline: scripts started with --exit-with-stdin stop when the test host dies.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var stderr = new StringBuilder();
        var ready = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { } data && data.StartsWith(ReadyPrefix, StringComparison.Ordinal)
                && int.TryParse(data.AsSpan(ReadyPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                ready.TrySetResult(port);
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                lock (stderr)
                {
                    stderr.AppendLine(line.Data);
                }
            }
        };

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(readyTimeout);
        var exited = process.WaitForExitAsync(CancellationToken.None);
        var timedOut = Task.Delay(Timeout.Infinite, timeoutSource.Token);
        await Task.WhenAny(ready.Task, exited, timedOut);

        if (ready.Task.IsCompletedSuccessfully)
        {
            return new NodeScriptProcess(process, stderr, ready.Task.Result);
        }

        var what = exited.IsCompleted
            ? $"exited with code {process.ExitCode} before printing READY <port>"
            : $"did not print READY <port> within {readyTimeout.TotalSeconds:0} s";
        await StopAsync(process);
        var message = $"{node} {script} {what}. Its stderr:{Environment.NewLine}{Read(stderr)}";
        process.Dispose();
        throw new InvalidOperationException(message);
    }

    /// <summary>Kills the script and anything it started.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(_process);
        _process.Dispose();
    }

    /// <summary>What the script wrote to stderr so far, for failure messages.</summary>
    public string StandardError => Read(_stderr);

    private static async Task StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            // Also drains the redirected streams, so stderr is complete for the failure message.
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // The process was killed; a stream that does not close in time must not hang the test run.
        }
    }

    private static string Read(StringBuilder stderr)
    {
        lock (stderr)
        {
            return stderr.Length == 0 ? "(empty)" : stderr.ToString();
        }
    }
}
