using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Orchestrator.IntegrationTests.Infrastructure;

namespace Orchestrator.IntegrationTests.LocalStack;

/// <summary>
/// <c>local/up --headless</c> as a child process: started, awaited until it prints <c>READY</c>, stopped with SIGTERM. Keeps
/// its output for failure messages and lists the processes it started (its children, from /proc).
/// </summary>
internal sealed class HeadlessStack : IAsyncDisposable
{
    public static readonly int[] Ports = [4566, 4567];
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HeadlessStack(Process process) => _process = process;

    /// <summary>Everything the script printed so far (stdout and stderr, interleaved as they arrived).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public int ProcessId => _process.Id;

    /// <summary>Fails with a clear message when a fixed port is taken, instead of letting the stack half-start.</summary>
    public static void RequirePortsFree()
    {
        foreach (var port in Ports)
        {
            try
            {
                var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                listener.Stop();
            }
            catch (SocketException e)
            {
                Assert.Fail(
                    $"127.0.0.1:{port} is in use ({e.SocketErrorCode}). local/up --headless needs ports {string.Join(" and ", Ports)}: "
                    + "stop the other local stack (or whatever listens there: ss -ltnp) and run the test again.");
            }
        }
    }

    public static async Task<HeadlessStack> StartAsync(IEnumerable<string> arguments, TimeSpan readyTimeout)
    {
        var root = RepositoryRoot.Find();
        var startInfo = new ProcessStartInfo("bash")
        {
            WorkingDirectory = root,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add(Path.Combine(root, "local", "up"));
        startInfo.ArgumentList.Add("--headless");
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var stack = new HeadlessStack(new Process { StartInfo = startInfo });
        stack._process.OutputDataReceived += (_, line) => stack.Append(line.Data, isStdout: true);
        stack._process.ErrorDataReceived += (_, line) => stack.Append(line.Data, isStdout: false);
        stack._process.Start();
        stack._process.BeginOutputReadLine();
        stack._process.BeginErrorReadLine();

        var exited = stack._process.WaitForExitAsync();
        var finished = await Task.WhenAny(stack._ready.Task, exited, Task.Delay(readyTimeout));
        if (finished != stack._ready.Task)
        {
            var what = finished == exited ? $"exited with code {stack._process.ExitCode}" : $"did not print READY within {readyTimeout}";
            var output = stack.Output;
            await stack.DisposeAsync();
            Assert.Fail($"local/up --headless {what}. Its output:{Environment.NewLine}{output}");
        }

        return stack;
    }

    /// <summary>The processes local/up started and that still run (its direct children).</summary>
    public IReadOnlyList<int> Children()
    {
        var path = $"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/task/{_process.Id.ToString(CultureInfo.InvariantCulture)}/children";
        return File.Exists(path)
            ? [.. File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture))]
            : [];
    }

    /// <summary>The command line of a process, or null once it is gone.</summary>
    public static string? CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>SIGTERM (Process.Kill would be SIGKILL and leave the children behind) and the exit code.</summary>
    public async Task<int> TerminateAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"local/up did not stop within {StopTimeout} of SIGTERM. Its output:{Environment.NewLine}{Output}");
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // A failed test: stop it the way a user would, so it takes its children with it.
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(StopTimeout);
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    private void Append(string? line, bool isStdout)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (isStdout && line == "READY")
        {
            _ready.TrySetResult();
        }
    }
}
