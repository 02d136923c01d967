using System.Text;
using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.IntegrationTests.Scheduling;
using Orchestrator.Jobs.Ledger;
using Orchestrator.Jobs.Runs;
using Orchestrator.Jobs.Storage;
using Orchestrator.Testing;

namespace Orchestrator.IntegrationTests.Reliability;

/// <summary>
/// Rows of the bad-input table in <c>docs/reliability.md</c> that no other test covered end to end: a notification at
/// SQS's size limit, and a dataset whose Glue job does not exist (EntityNotFoundException from the Glue emulator).
/// </summary>
[Collection(ReliabilityCollectionDefinition.Name)]
public sealed class BadInputTests(GlueStackFixture stack) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("orchestrator-bad-input-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task A_notification_at_the_256_KiB_SQS_limit_is_recorded_record_by_record_and_deleted()
    {
        var lake = await stack.CreateLakeAsync();
        var (queue, dlq) = await stack.Emulator.CreateQueueWithDlqAsync();
        string store = $"Data Source={Path.Combine(directory, "oversize.db")}";
        var keys = new List<string>();
        string body = "";
        for (int i = 0; ; i++)
        {
            var next = keys.Append($"{lake.RawPrefix}year=2024/month=01/{new string('x', 200)}-{i}.csv").ToList();
            string candidate = S3Notifications.Created(GlueStackFixture.Bucket, next);
            if (Encoding.UTF8.GetByteCount(candidate) > 256 * 1024)
            {
                break;
            }

            (keys, body) = (next, candidate);
        }

        await stack.Emulator.Sqs.SendMessageAsync(queue, body);
        var settings = ReliabilitySettings.For(lake, queue, "Sqlite", store, Path.Combine(directory, "oversize.alive"));
        settings["Orchestrator:Datasets:sales:Glue:Debounce"] = "00:10:00"; // ingestion only
        settings["Orchestrator:Datasets:sales:Glue:MaxWait"] = "00:10:00";
        await using (var worker = WorkerProcess.Start(settings, stack.Emulator.ServiceUrl.ToString(), GlueSettings.Environment(stack)))
        {
            await Eventually.WaitForAsync(() => LedgerCountAsync(store), n => n == keys.Count, TimeSpan.FromSeconds(60), $"{keys.Count} records in the ledger");
            await Eventually.WaitForAsync(() => stack.Emulator.GetMessageCountsAsync(queue), c => c.Total == 0, TimeSpan.FromSeconds(30), "the message deleted");
        }

        Assert.True(keys.Count > 200, $"only {keys.Count} records fit"); // a large message, not a token one
        Assert.Equal(0, (await stack.Emulator.GetMessageCountsAsync(dlq)).Total);
    }

    [Fact]
    public async Task A_Glue_job_that_does_not_exist_fails_the_run_visibly_and_gives_its_objects_back()
    {
        var lake = await stack.CreateLakeAsync();
        var (queue, dlq) = await stack.Emulator.CreateQueueWithDlqAsync();
        string store = $"Data Source={Path.Combine(directory, "missing-job.db")}";
        var settings = ReliabilitySettings.For(lake, queue, "Sqlite", store, Path.Combine(directory, "missing-job.alive"));
        settings["Orchestrator:Datasets:sales:Glue:Job"] = "no_such_job";
        settings["Orchestrator:Datasets:sales:Glue:Debounce"] = "00:00:01";
        string key = await stack.UploadAsync(lake, 2024, 1, "a.csv", [(1, "alice", 1)]);
        GlueRun run;
        await using (var worker = WorkerProcess.Start(settings, stack.Emulator.ServiceUrl.ToString(), GlueSettings.Environment(stack)))
        {
            await stack.Emulator.Sqs.SendMessageAsync(queue, S3Notifications.Created(GlueStackFixture.Bucket, key, S3Notifications.Sequencer(1)));
            var runs = await Eventually.WaitForAsync(() => RunsAsync(store), r => r.Count == 1 && !r[0].IsActive, TimeSpan.FromSeconds(60), "the run to end");
            run = runs[0];
            Assert.Equal(RunState.Failed, run.State);
            Assert.Contains("EntityNotFoundException", run.Error, StringComparison.Ordinal);
            Assert.False(worker.HasExited, "a missing job must not stop ingestion");
        }

        await using var runStore = RunStoreFactory.Create(StoreProvider.Sqlite, store, TimeProvider.System);
        Assert.Equal(0, await runStore.CountObjectsAsync("sales", ObjectState.Registered, run.RunId, CancellationToken.None)); // released …
        Assert.Equal(1, await runStore.CountObjectsAsync("sales", ObjectState.Registered, null, CancellationToken.None)); // … for a later run
        Assert.Equal(0, (await stack.Emulator.GetMessageCountsAsync(dlq)).Total);
    }

    private static async Task<int> LedgerCountAsync(string store)
    {
        await using var ledger = ObjectLedgerFactory.Create(StoreProvider.Sqlite, store, TimeProvider.System);
        try
        {
            return (await ledger.ListAsync(new LedgerQuery("sales", null, 100_000), CancellationToken.None)).Count;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0; // the worker has not created the ledger yet
        }
    }

    private static async Task<IReadOnlyList<GlueRun>> RunsAsync(string store)
    {
        await using var runs = RunStoreFactory.Create(StoreProvider.Sqlite, store, TimeProvider.System);
        try
        {
            return await runs.ListAsync("sales", 10, CancellationToken.None);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return []; // not created yet
        }
    }
}
