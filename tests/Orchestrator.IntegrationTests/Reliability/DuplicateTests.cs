using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.IntegrationTests.Scheduling;
using Orchestrator.Jobs.Ledger;
using Orchestrator.Jobs.Storage;
using Xunit.Abstractions;

namespace Orchestrator.IntegrationTests.Reliability;

/// <summary>
/// Duplicates: the same uploads ingested twice side by side — once with each notification delivered once in order, once with
/// every notification delivered twice in shuffled order — end with identical ledgers, partitions and query results.
/// </summary>
[Collection(ReliabilityCollectionDefinition.Name)]
public sealed class DuplicateTests(GlueStackFixture stack, ITestOutputHelper output) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("orchestrator-duplicates-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Every_notification_twice_in_shuffled_order_gives_the_same_ledger_and_catalog_as_once_in_order()
    {
        var report = new ReliabilityReport("duplicates: every notification twice, shuffled", output);
        var once = await PrepareAsync("once");
        var twice = await PrepareAsync("twice");
        var bodies = twice.Input.Objects.Select(LakeInput.Notification).ToList();
        var shuffled = bodies.Concat(bodies).OrderBy(_ => Random.Shared.Next()).ToList();

        long started = TimeProvider.System.GetTimestamp();
        await using (var a = WorkerProcess.Start(once.Settings, stack.Emulator.ServiceUrl.ToString(), GlueSettings.Environment(stack)))
        await using (var b = WorkerProcess.Start(twice.Settings, stack.Emulator.ServiceUrl.ToString(), GlueSettings.Environment(stack)))
        {
            await LakeInput.UploadAsync(stack, once.Input.Objects.Concat(twice.Input.Objects), CancellationToken.None);
            await LakeInput.SendAsync(stack.Emulator.Sqs, once.Queue, once.Input.Objects.Select(LakeInput.Notification), CancellationToken.None);
            await LakeInput.SendAsync(stack.Emulator.Sqs, twice.Queue, shuffled, CancellationToken.None);
            bool settled = await once.Audit.WaitUntilSettledAsync(ReliabilitySize.SettleTimeout)
                & await twice.Audit.WaitUntilSettledAsync(ReliabilitySize.SettleTimeout);
            Assert.True(settled, $"the work did not settle.\nonce:\n{LakeAudit.Tail(a.Output)}\ntwice:\n{LakeAudit.Tail(b.Output)}");
            a.Terminate();
            b.Terminate();
            Assert.Equal((0, 0), (await a.WaitForExitAsync(TimeSpan.FromSeconds(60)), await b.WaitForExitAsync(TimeSpan.FromSeconds(60))));
        }

        report.Add("messages delivered (once / twice)", $"{once.Input.Objects.Count} / {shuffled.Count}");
        var onceReport = new ReliabilityReport("duplicates: the reference lake, each notification once, in order", output);
        var onceViolations = await once.Audit.VerifyAsync(onceReport, (await stack.Emulator.GetMessageCountsAsync(once.Dlq)).Total);
        onceReport.Write(onceViolations);
        var violations = onceViolations.Select(v => "once: " + v).ToList();
        violations.AddRange((await twice.Audit.VerifyAsync(report, (await stack.Emulator.GetMessageCountsAsync(twice.Dlq)).Total)).Select(v => "twice: " + v));
        var ledgerOnce = await LedgerAsync(once);
        var ledgerTwice = await LedgerAsync(twice);
        report.Add("ledger rows equal", ledgerOnce.SequenceEqual(ledgerTwice));
        if (!ledgerOnce.SequenceEqual(ledgerTwice))
        {
            violations.Add($"ledgers differ: {string.Join(" | ", ledgerOnce.Except(ledgerTwice).Take(3))} vs {string.Join(" | ", ledgerTwice.Except(ledgerOnce).Take(3))}");
        }

        var catalogOnce = await CatalogAsync(once);
        var catalogTwice = await CatalogAsync(twice);
        report.Add("catalog and query equal", catalogOnce.SequenceEqual(catalogTwice));
        if (!catalogOnce.SequenceEqual(catalogTwice))
        {
            violations.Add($"catalogs or query results differ: {string.Join(" | ", catalogOnce.Except(catalogTwice).Take(3))} vs {string.Join(" | ", catalogTwice.Except(catalogOnce).Take(3))}");
        }

        report.Add("duration", $"{TimeProvider.System.GetElapsedTime(started).TotalSeconds:F0} s");
        report.Write(violations);
        Assert.Empty(violations);
    }

    private async Task<Side> PrepareAsync(string name)
    {
        var lake = await stack.CreateLakeAsync(runSeconds: 0.5);
        var (queue, dlq) = await stack.Emulator.CreateQueueWithDlqAsync();
        string store = $"Data Source={Path.Combine(directory, name + ".db")}";
        var input = LakeInput.Create(lake, ReliabilitySize.Objects);
        var settings = ReliabilitySettings.For(lake, queue, "Sqlite", store, Path.Combine(directory, name + ".alive"));
        return new Side(input, queue, dlq, settings, store, new LakeAudit(stack, input, StoreProvider.Sqlite, store));
    }

    /// <summary>What the ledger says of each object, with the lake's own prefix removed so two lakes compare.</summary>
    private static async Task<List<string>> LedgerAsync(Side side)
    {
        await using var ledger = ObjectLedgerFactory.Create(StoreProvider.Sqlite, side.Store, TimeProvider.System);
        var entries = await ledger.ListAsync(new LedgerQuery("sales", null, 1_000_000), CancellationToken.None);
        return [.. entries
            .Select(e => $"{e.Key[side.Input.Lake.RawPrefix.Length..]} {e.VersionId} {e.Sequencer} {e.EventName} {e.Size} {e.ETag} {e.Partition} {e.State} {e.RejectReason}")
            .Order(StringComparer.Ordinal)];
    }

    private async Task<List<string>> CatalogAsync(Side side)
    {
        var raw = await stack.PartitionsAsync(side.Input.Lake.Database, "raw_sales");
        var curated = await stack.PartitionsAsync(side.Input.Lake.Database, "my_table");
        var rows = await stack.SelectAsync("SELECT year, month, name, SUM(amount), COUNT(*) FROM my_table GROUP BY year, month, name ORDER BY year, month, name", side.Input.Lake.Database);
        return [.. raw.Select(p => "raw " + p), .. curated.Select(p => "curated " + p), .. rows.Select(r => "row " + string.Join(',', r))];
    }

    private sealed record Side(LakeInput Input, string Queue, string Dlq, Dictionary<string, string?> Settings, string Store, LakeAudit Audit);
}
