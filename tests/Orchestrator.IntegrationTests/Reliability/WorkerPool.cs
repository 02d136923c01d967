using Orchestrator.IntegrationTests.Infrastructure;

namespace Orchestrator.IntegrationTests.Reliability;

/// <summary>
/// Several orchestrator processes kept running as ECS keeps a service's tasks running: <see cref="KillAndRestartAsync"/> is
/// the harness's SIGKILL, <see cref="ReviveExitedAsync"/> restarts a worker that exited on its own (and records why, since
/// that is a finding), <see cref="TerminateAllAsync"/> is the SIGTERM at the end.
/// </summary>
internal sealed class WorkerPool(Func<int, WorkerProcess> start, int size) : IAsyncDisposable
{
    private readonly WorkerProcess[] workers = [.. Enumerable.Range(0, size).Select(start)];
    private readonly List<string> unexpectedExits = [];
    private readonly List<(string Name, string Output)> finished = [];

    public int Size => size;

    public int Kills { get; private set; }

    /// <summary>Workers that exited without being killed: exit code and the end of their output.</summary>
    public IReadOnlyList<string> UnexpectedExits => unexpectedExits;

    public async Task KillAndRestartAsync(int index)
    {
        var worker = workers[index];
        worker.KillHard();
        await worker.WaitForExitAsync(TimeSpan.FromSeconds(30));
        await worker.DisposeAsync();
        Kills++;
        finished.Add(($"worker-{index}-killed-{Kills}", worker.Output));
        workers[index] = start(index);
    }

    public async Task ReviveExitedAsync()
    {
        for (int i = 0; i < workers.Length; i++)
        {
            if (workers[i].HasExited)
            {
                unexpectedExits.Add($"worker {i} exited with {workers[i].ExitCode}:\n{LakeAudit.Tail(workers[i].Output)}");
                await workers[i].DisposeAsync();
                finished.Add(($"worker-{i}-exited-{unexpectedExits.Count}", workers[i].Output));
                workers[i] = start(i);
            }
        }
    }

    /// <summary>
    /// SIGTERM to all at once, once each has started its host (a worker restarted a moment ago may not have: a SIGTERM
    /// before the .NET runtime installs its handler ends the process with 143, the signal's default, and the start-up case
    /// has its own test); returns each exit code and how long the slowest took.
    /// </summary>
    public async Task<(int[] ExitCodes, TimeSpan Slowest)> TerminateAllAsync(TimeSpan timeout)
    {
        await Eventually.WaitForAsync(() => Task.FromResult(workers.All(w => w.HasExited || w.Output.Contains("Application started", StringComparison.Ordinal))),
            started => started, TimeSpan.FromSeconds(60), "every worker's host started");
        long started = TimeProvider.System.GetTimestamp();
        foreach (var worker in workers)
        {
            worker.Terminate();
        }

        int[] codes = await Task.WhenAll(workers.Select(w => w.WaitForExitAsync(timeout)));
        return (codes, TimeProvider.System.GetElapsedTime(started));
    }

    public string Output(int index) => workers[index].Output;

    /// <summary>
    /// Writes the output of every process the pool ran (killed, exited and current) to <paramref name="folder"/>, one file
    /// each, so a failed run can be diagnosed after the fact.
    /// </summary>
    public string SaveLogs(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var (name, text) in finished.Concat(workers.Select((w, i) => ($"worker-{i}-last", w.Output))))
        {
            File.WriteAllText(Path.Combine(folder, name + ".log"), text);
        }

        return folder;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in workers)
        {
            await worker.DisposeAsync();
        }
    }
}
