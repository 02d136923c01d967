using System.Diagnostics;
using System.Text;

namespace Orchestrator.IntegrationTests.Infrastructure;

/// <summary>
/// The real orchestrator executable in a child process, configured only through environment variables (as ECS does), so
/// tests can send it SIGTERM and SIGKILL.
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private WorkerProcess(Process process)
    {
        this.process = process;
    }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>
    /// src/Orchestrator's own build output, in the configuration these tests were built in (bin/Debug or bin/Release): the
    /// executable exactly as published, with its own runtimeconfig and dependencies.
    /// </summary>
    public static string Dll
    {
        get
        {
            string configuration = typeof(WorkerProcess).Assembly
                .GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
                .OfType<System.Reflection.AssemblyConfigurationAttribute>().FirstOrDefault()?.Configuration ?? "Debug";
            return Path.Combine(RepositoryRoot.Find(), "src", "Orchestrator", "bin", configuration, "net10.0", "Orchestrator.dll");
        }
    }

    /// <summary>Starts <c>Orchestrator.dll</c> with the given settings and the emulator endpoint.</summary>
    public static WorkerProcess Start(IReadOnlyDictionary<string, string?> settings, string sqsEndpoint, params string[] arguments) =>
        Start(settings, sqsEndpoint, null, arguments);

    /// <summary>As above, with extra environment variables (e.g. the Glue/Athena endpoint).</summary>
    public static WorkerProcess Start(IReadOnlyDictionary<string, string?> settings, string sqsEndpoint, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        string dll = Dll;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(dll);
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        info.Environment["AWS_ENDPOINT_URL_SQS"] = sqsEndpoint;
        info.Environment["AWS_ACCESS_KEY_ID"] = "test";
        info.Environment["AWS_SECRET_ACCESS_KEY"] = "test";
        info.Environment["AWS_REGION"] = "us-east-1";
        info.Environment["DOTNET_ENVIRONMENT"] = "Test";
        info.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, e) => worker.Append(e.Data);
        process.ErrorDataReceived += (_, e) => worker.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Runs a CLI command to completion and returns its exit code and output.</summary>
    public static Task<(int ExitCode, string Output)> RunToEndAsync(IReadOnlyDictionary<string, string?> settings, string sqsEndpoint, params string[] arguments) =>
        RunToEndAsync(settings, sqsEndpoint, null, arguments);

    /// <summary>As above, with extra environment variables.</summary>
    public static async Task<(int ExitCode, string Output)> RunToEndAsync(IReadOnlyDictionary<string, string?> settings, string sqsEndpoint,
        IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        await using var worker = Start(settings, sqsEndpoint, environment, arguments);
        int code = await worker.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (code, worker.Output);
    }

    /// <summary>SIGTERM, as ECS sends on a stop (Process.Kill would be SIGKILL).</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public void KillHard() => process.Kill(entireProcessTree: true);

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The worker did not exit within {timeout}. Output:\n{Output}");
        }

        process.WaitForExit(); // drains the redirected output
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
