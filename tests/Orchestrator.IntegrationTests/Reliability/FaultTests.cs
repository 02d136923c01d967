using System.Net.Http.Json;
using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.IntegrationTests.Scheduling;
using Orchestrator.Jobs.Ledger;
using Orchestrator.Jobs.Storage;
using Xunit.Abstractions;

namespace Orchestrator.IntegrationTests.Reliability;

/// <summary>
/// Faults: the Glue/Athena emulator throttles 20% of calls, fails 5% with a 500 and delays 5% by 1.5 s; PostgreSQL is
/// restarted once (immediate stop) and the SQS emulator once (empty afterwards: the harness re-sends what the ledger does
/// not have yet) — and all work still completes, with the API calls per object reported.
/// </summary>
[Collection(ReliabilityCollectionDefinition.Name)]
public sealed class FaultTests(GlueStackFixture stack, PostgresServerFixture server, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("orchestrator-faults-").FullName;
    private readonly HttpClient admin = new() { BaseAddress = stack.GlueUrl };
    private string connectionString = "";

    public async Task InitializeAsync() => connectionString = await server.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        using (await admin.DeleteAsync(new Uri("/__admin/faults", UriKind.Relative)))
        {
            admin.Dispose();
        }

        await server.DropDatabaseAsync(connectionString);
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Throttling_server_errors_latency_and_restarts_of_PostgreSQL_and_SQS_still_complete_all_work()
    {
        var report = new ReliabilityReport("faults", output);
        var lake = await stack.CreateLakeAsync(runSeconds: 0.5);
        var input = LakeInput.Create(lake, ReliabilitySize.Objects);
        var audit = new LakeAudit(stack, input, StoreProvider.PostgreSql, connectionString);
        await using var sqs = await RestartableSqsEmulator.StartAsync(maxReceiveCount: 5);
        var environment = GlueSettings.Environment(stack);
        WorkerProcess Start(int i) => WorkerProcess.Start(
            ReliabilitySettings.For(lake, sqs.QueueUrl, "PostgreSql", connectionString, Path.Combine(directory, $"alive-{i}")),
            sqs.ServiceUrl.ToString(), environment);

        using (var rule = await admin.PostAsJsonAsync("/__admin/faults",
            new { operation = "*", throttleRate = 0.20, serverErrorRate = 0.05, spikeRate = 0.05, spikeMs = 1500 }))
        {
            rule.EnsureSuccessStatusCode();
        }

        await audit.ResetCallsAsync();
        long started = TimeProvider.System.GetTimestamp();
        var half = input.Objects.Count / 2;
        bool settled;
        (int[] ExitCodes, TimeSpan Slowest) stop;
        await using (var pool = new WorkerPool(Start, 2))
        {
            await LakeInput.UploadAndNotifyAsync(stack, sqs.Sqs, sqs.QueueUrl, input.Objects.Take(half), CancellationToken.None);
            await Eventually.WaitForAsync(() => Task.FromResult(Enumerable.Range(0, pool.Size).All(i => File.Exists(Path.Combine(directory, $"alive-{i}")))),
                up => up, TimeSpan.FromSeconds(120), "both workers polling"); // a restart during start-up is a failed start: another test
            await sqs.RestartAsync();
            report.Add("SQS emulator restarted", $"at {TimeProvider.System.GetElapsedTime(started).TotalSeconds:F0} s");
            var recorded = await LedgerKeysAsync();
            var lost = input.Objects.Take(half).Where(o => !recorded.Contains(o.Key)).ToList();
            await LakeInput.SendAsync(sqs.Sqs, sqs.QueueUrl, lost.Select(LakeInput.Notification), CancellationToken.None);
            report.Add("notifications re-sent after the SQS restart", lost.Count);

            var secondHalf = LakeInput.UploadAndNotifyAsync(stack, sqs.Sqs, sqs.QueueUrl, input.Objects.Skip(half), CancellationToken.None);
            await Task.Delay(TimeSpan.FromSeconds(2));
            await server.RestartAsync(); // while the second half arrives
            report.Add("PostgreSQL restarted", $"at {TimeProvider.System.GetElapsedTime(started).TotalSeconds:F0} s");
            await secondHalf;
            settled = await audit.WaitUntilSettledAsync(ReliabilitySize.SettleTimeout, pool.ReviveExitedAsync);
            report.Add("settled", settled ? $"yes, {TimeProvider.System.GetElapsedTime(started).TotalSeconds:F0} s after the start" : "NO (timed out)");
            report.Add("workers that exited on their own (restarted)", pool.UnexpectedExits.Count);
            foreach (string exit in pool.UnexpectedExits)
            {
                output.WriteLine(exit);
            }

            if (!settled)
            {
                string logs = pool.SaveLogs(ReliabilityReport.LogFolder("faults"));
                await File.WriteAllTextAsync(Path.Combine(logs, "quartz-tables.txt"), await QuartzTables.DumpAsync(connectionString));
                report.Add("worker logs", logs);
            }

            stop = await pool.TerminateAllAsync(TimeSpan.FromSeconds(60));
        }

        var calls = await audit.CallsAsync();
        (await admin.DeleteAsync(new Uri("/__admin/faults", UriKind.Relative))).Dispose(); // the audit's own calls run without faults

        report.Add("Glue/Athena calls per object", $"{calls.Values.Sum() / (double)input.Objects.Count:F3} ({string.Join(", ", calls.Select(c => $"{c.Key.Split('.')[^1]} {c.Value}"))})");
        var violations = await audit.VerifyAsync(report, (await sqs.Sqs.GetQueueAttributesAsync(sqs.DlqUrl, ["ApproximateNumberOfMessages"])).ApproximateNumberOfMessages);
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

    private async Task<HashSet<string>> LedgerKeysAsync()
    {
        await using var ledger = ObjectLedgerFactory.Create(StoreProvider.PostgreSql, connectionString, TimeProvider.System);
        return [.. (await ledger.ListAsync(new LedgerQuery("sales", null, 1_000_000), CancellationToken.None)).Select(e => e.Key)];
    }
}
