using System.Diagnostics;
using System.Globalization;

namespace Orchestrator.Bench.Stack;

/// <summary>
/// A process the benchmark starts (emulator, orchestrator, bare host): output to a log file, the <c>READY &lt;port&gt;</c>
/// line the emulators print, and a hard stop at the end (the benchmarks measure, they do not test shutdown).
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly TaskCompletionSource<int> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();

    private ChildProcess(string name, Process process, StreamWriter log)
    {
        Name = name;
        _process = process;
        _log = log;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <paramref name="fileName"/>; <c>Stopwatch.GetTimestamp()</c> just before the start is <see cref="StartedAt"/>.</summary>
    public static ChildProcess Start(
        string name, string fileName, IEnumerable<string> arguments, string logPath, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true, // the SQS/S3 emulator's --exit-with-stdin: it dies with us
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = new Process { StartInfo = info };
        var child = new ChildProcess(name, process, log);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data);
        child.StartedAt = Stopwatch.GetTimestamp();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public long StartedAt { get; private set; }

    /// <summary>The port from the first <c>READY &lt;port&gt;</c> line; fails if the process exits or is silent too long.</summary>
    public async Task<int> WaitForReadyAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        var exited = _process.WaitForExitAsync(cancellation.Token);
        var first = await Task.WhenAny(_ready.Task, exited, Task.Delay(Timeout.Infinite, cancellation.Token)).ConfigureAwait(false);
        if (first == _ready.Task)
        {
            return await _ready.Task.ConfigureAwait(false);
        }

        throw new InvalidOperationException($"{Name} did not print READY within {timeout.TotalSeconds:F0} s (exited: {_process.HasExited}); see its log");
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _log.WriteLine(line);
        }

        if (line.StartsWith("READY ", StringComparison.Ordinal)
            && int.TryParse(line.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out int port))
        {
            _ready.TrySetResult(port);
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        lock (_gate)
        {
            _log.Dispose();
        }
    }
}
