using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.IntegrationTests.Scheduling;
using Orchestrator.Jobs.Ledger;
using Orchestrator.Jobs.Storage;
using Xunit.Abstractions;

namespace Orchestrator.IntegrationTests.Reliability;

/// <summary>
/// Shutdown: SIGTERM while a worker is busy with a full queue (and a Glue run) drains within <c>ShutdownTimeout</c>, exits 0,
/// leaves no message in flight, and — over two such stops before a last worker finishes — no message reaches the DLQ
/// (maxReceiveCount 3, so a message received in each of the three lives would be the last one allowed). SIGTERM during
/// start-up, as ECS sends when it scales in a task that is still starting, also exits 0.
/// </summary>
[Collection(ReliabilityCollectionDefinition.Name)]
public sealed class ShutdownTests(GlueStackFixture stack, ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10); // ReliabilitySettings' ShutdownTimeout
    private static readonly TimeSpan ProcessExit = TimeSpan.FromSeconds(5); // host teardown after the drain, on a loaded machine
    private readonly string directory = Directory.CreateTempSubdirectory("orchestrator-shutdown-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task SIGTERM_under_load_drains_within_the_budget_and_dead_letters_nothing()
    {
        var report = new ReliabilityReport("shutdown", output);
        var lake = await stack.CreateLakeAsync(runSeconds: 2);
        var input = LakeInput.Create(lake, ReliabilitySize.Objects);
        var (queue, dlq) = await stack.Emulator.CreateQueueWithDlqAsync(maxReceiveCount: 3);
        string store = $"Data Source={Path.Combine(directory, "store.db")}";
        var settings = ReliabilitySettings.For(lake, queue, "Sqlite", store, Path.Combine(directory, "alive"));
        settings["Orchestrator:Datasets:sales:Glue:Debounce"] = "00:00:01";
        var audit = new LakeAudit(stack, input, StoreProvider.Sqlite, store);
        await LakeInput.UploadAsync(stack, input.Objects, CancellationToken.None);
        await LakeInput.SendAsync(stack.Emulator.Sqs, queue, input.Objects.Select(LakeInput.Notification), CancellationToken.None);

        var violations = new List<string>();
        long started = TimeProvider.System.GetTimestamp();
        for (int stop = 1; stop <= 2; stop++)
        {
            await using var worker = WorkerProcess.Start(settings, stack.Emulator.ServiceUrl.ToString(), GlueSettings.Environment(stack));
            // The SIGTERM is meant for a running worker: one sent before the runtime has its signal handlers (the ledger may
            // already hold the target from the previous worker) would end it with 143 and test nothing of the drain.
            await Eventually.WaitForAsync(() => Task.FromResult(worker.Output), o => o.Contains("Application started", StringComparison.Ordinal),
                TimeSpan.FromSeconds(120), "the worker to start");
            int target = input.Objects.Count * stop / 3;
            int seen = await Eventually.WaitForAsync(() => LedgerCountAsync(store), n => n >= target, TimeSpan.FromSeconds(120), $"{target} objects in the ledger");
            var inFlight = await stack.Emulator.GetMessageCountsAsync(queue);
            long signalled = TimeProvider.System.GetTimestamp();
            worker.Terminate();
            int code = await worker.WaitForExitAsync(Budget + ProcessExit + TimeSpan.FromSeconds(30));
            var took = TimeProvider.System.GetElapsedTime(signalled);
            var after = await stack.Emulator.GetMessageCountsAsync(queue);
            report.Add($"stop {stop}", $"SIGTERM at {seen} objects in the ledger, {inFlight.NotVisible} messages in flight; exit {code} after {took.TotalSeconds:F1} s; " +
                $"in flight afterwards {after.NotVisible}, visible {after.Visible}");
            if (code != 0)
            {
                violations.Add($"stop {stop}: exit code {code}\n{LakeAudit.Tail(worker.Output)}");
            }

            if (took > Budget + ProcessExit)
            {
                violations.Add($"stop {stop}: took {took.TotalSeconds:F1} s, budget {Budget.TotalSeconds} s + {ProcessExit.TotalSeconds} s to exit");
            }

            if (after.NotVisible > 0)
            {
                violations.Add($"stop {stop}: {after.NotVisible} messages still in flight after the exit (not released)");
            }
        }

        await using (var last = WorkerProcess.Start(settings, stack.Emulator.ServiceUrl.ToString(), GlueSettings.Environment(stack)))
        {
            bool settled = await audit.WaitUntilSettledAsync(ReliabilitySize.SettleTimeout);
            if (!settled)
            {
                violations.Add($"the last worker did not finish within {ReliabilitySize.SettleTimeout}:\n{LakeAudit.Tail(last.Output)}");
            }

            last.Terminate();
            await last.WaitForExitAsync(TimeSpan.FromSeconds(60));
        }

        violations.AddRange(await audit.VerifyAsync(report, (await stack.Emulator.GetMessageCountsAsync(dlq)).Total));
        report.Add("duration", $"{TimeProvider.System.GetElapsedTime(started).TotalSeconds:F0} s");
        report.Write(violations);
        Assert.Empty(violations);
    }

    [Fact]
    public async Task SIGTERM_during_start_up_exits_0()
    {
        // A database that accepts the connection and never answers holds the start-up in the ledger's initialisation, so the
        // SIGTERM lands while the host is starting, every time (seen for real in the crash run: a worker restarted just
        // before the final SIGTERM exited with 4, "start-up failed").
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        int port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        var (queue, _) = await stack.Emulator.CreateQueueWithDlqAsync();
        var lake = await stack.CreateLakeAsync();
        var settings = ReliabilitySettings.For(lake, queue, "PostgreSql", $"Host=127.0.0.1;Port={port};Username=x;Database=x;Timeout=60",
            Path.Combine(directory, "startup.alive"));
        await using var worker = WorkerProcess.Start(settings, stack.Emulator.ServiceUrl.ToString(), GlueSettings.Environment(stack));
        using (await silent.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(60)))
        {
            worker.Terminate();
            await Task.Delay(TimeSpan.FromSeconds(1));
        } // the database goes away: the start-up fails now, after the stop was asked for

        int code = await worker.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.True(code == 0, $"exit code {code}:\n{worker.Output}");
    }

    private static async Task<int> LedgerCountAsync(string store)
    {
        await using var ledger = ObjectLedgerFactory.Create(StoreProvider.Sqlite, store, TimeProvider.System);
        try
        {
            return (await ledger.ListAsync(new LedgerQuery("sales", null, 1_000_000), CancellationToken.None)).Count;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0; // the worker has not created the ledger yet
        }
    }
}
