using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.IntegrationTests.Scheduling;
using Orchestrator.Jobs.Storage;
using Xunit.Abstractions;

namespace Orchestrator.IntegrationTests.Reliability;

/// <summary>
/// Crashes: three workers on PostgreSQL (Quartz clustered) ingest uploads with crafted keys while a random worker is killed
/// with SIGKILL every few seconds and restarted; afterwards nothing is lost, duplicated, double-started or overlapping.
/// Size from <see cref="ReliabilitySize"/> (300 objects and 3 kills in the suite; <c>bench/reliability crash</c> for the full run).
/// </summary>
[Collection(ReliabilityCollectionDefinition.Name)]
public sealed class CrashTests(GlueStackFixture stack, PostgresServerFixture server, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("orchestrator-crash-").FullName;
    private string connectionString = "";

    public async Task InitializeAsync() => connectionString = await server.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        await server.DropDatabaseAsync(connectionString);
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Three_workers_killed_at_random_lose_nothing_count_nothing_twice_and_never_overlap_a_run()
    {
        var report = new ReliabilityReport("crash", output);
        var lake = await stack.CreateLakeAsync(runSeconds: 0.5);
        var input = LakeInput.Create(lake, ReliabilitySize.Objects);
        var (queue, dlq) = await stack.Emulator.CreateQueueWithDlqAsync(maxReceiveCount: 5); // as deploy/ecs
        var audit = new LakeAudit(stack, input, StoreProvider.PostgreSql, connectionString);
        await audit.ResetCallsAsync();
        var environment = GlueSettings.Environment(stack);
        string sqs = stack.Emulator.ServiceUrl.ToString();
        WorkerProcess Start(int i) => WorkerProcess.Start(
            ReliabilitySettings.For(lake, queue, "PostgreSql", connectionString, Path.Combine(directory, $"alive-{i}")), sqs, environment);

        long started = TimeProvider.System.GetTimestamp();
        bool settled;
        (int[] ExitCodes, TimeSpan Slowest) stop;
        await using (var pool = new WorkerPool(Start, 3))
        {
            var uploads = LakeInput.UploadAndNotifyAsync(stack, stack.Emulator.Sqs, queue, input.Objects, CancellationToken.None);
            int seed = ReliabilitySize.Seed;
            report.Add("seed (RELIABILITY_SEED)", seed);
            var random = new Random(seed);
            while (pool.Kills < ReliabilitySize.Kills || !uploads.IsCompleted)
            {
                await Task.Delay(TimeSpan.FromSeconds(3 + random.NextDouble() * 2));
                await pool.ReviveExitedAsync();
                if (pool.Kills < ReliabilitySize.Kills)
                {
                    await pool.KillAndRestartAsync(random.Next(pool.Size));
                }
            }

            await uploads;
            report.Add("kills (SIGKILL)", pool.Kills);
            report.Add("upload + kill phase", $"{TimeProvider.System.GetElapsedTime(started).TotalSeconds:F0} s");
            settled = await audit.WaitUntilSettledAsync(ReliabilitySize.SettleTimeout, pool.ReviveExitedAsync);
            report.Add("settled", settled ? $"yes, {TimeProvider.System.GetElapsedTime(started).TotalSeconds:F0} s after the start" : "NO (timed out)");
            if (!settled)
            {
                string logs = pool.SaveLogs(ReliabilityReport.LogFolder("crash"));
                await File.WriteAllTextAsync(Path.Combine(logs, "quartz-tables.txt"), await QuartzTables.DumpAsync(connectionString));
                report.Add("worker logs", logs);
            }

            stop = await pool.TerminateAllAsync(TimeSpan.FromSeconds(60));
            report.Add("workers that exited on their own", pool.UnexpectedExits.Count);
            foreach (string exit in pool.UnexpectedExits)
            {
                output.WriteLine(exit);
            }
        }

        var calls = await audit.CallsAsync();
        report.Add("Glue/Athena calls per object", $"{calls.Values.Sum() / (double)input.Objects.Count:F3} ({string.Join(", ", calls.Select(c => $"{c.Key.Split('.')[^1]} {c.Value}"))})");
        var violations = await audit.VerifyAsync(report, (await stack.Emulator.GetMessageCountsAsync(dlq)).Total);
        if (!settled)
        {
            violations.Insert(0, $"the work did not settle within {ReliabilitySize.SettleTimeout}");
        }

        if (stop.ExitCodes.Any(c => c != 0))
        {
            violations.Add($"exit codes after SIGTERM: {string.Join(", ", stop.ExitCodes)}");
        }

        report.Add("duration", $"{TimeProvider.System.GetElapsedTime(started).TotalSeconds:F0} s");
        report.Write(violations);
        Assert.Empty(violations);
    }
}
