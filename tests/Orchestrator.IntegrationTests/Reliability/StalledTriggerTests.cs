using Amazon.Runtime;
using Amazon.S3;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.IntegrationTests.Scheduling;
using Orchestrator.Jobs.Aws;
using Orchestrator.Jobs.GlueRuns;
using Orchestrator.Jobs.Ledger;
using Orchestrator.Jobs.Runs;
using Orchestrator.Jobs.Storage;
using Orchestrator.Scheduling;
using Orchestrator.Testing;
using Quartz;

namespace Orchestrator.IntegrationTests.Reliability;

/// <summary>
/// The stall the crash run found once in a dozen runs — every object recorded, no run requested — comes from a debounce
/// trigger left BLOCKED (stored while another node held the dataset's non-concurrent job) whose fire time then never
/// changes, so each new batch skipped re-storing it. Here the trigger is put into that state by hand, in Quartz's own table.
/// </summary>
[Collection(ReliabilityCollectionDefinition.Name)]
public sealed class StalledTriggerTests(GlueStackFixture stack) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("orchestrator-stalled-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task A_blocked_debounce_trigger_is_stored_again_by_the_next_batch_and_by_the_sweep_so_the_run_still_happens()
    {
        var lake = await stack.CreateLakeAsync(runSeconds: 0.3);
        var (queue, _) = await stack.Emulator.CreateQueueWithDlqAsync();
        string store = $"Data Source={Path.Combine(directory, "store.db")}";
        var settings = GlueSettings.For(lake, queue, "Sqlite", store, Path.Combine(directory, "alive"));
        settings["Orchestrator:Datasets:sales:Glue:Debounce"] = "00:00:15";
        settings["Orchestrator:Datasets:sales:Glue:MaxWait"] = "00:00:15"; // every batch asks for the same fire time
        var key = RunKeys.Debounce("sales");
        await using var worker = await InProcessWorker.StartAsync(stack.Emulator.Sqs, settings, configure: builder =>
        {
            builder.Services.Configure<AwsClientOptions>(o =>
            {
                o.GlueEndpoint = stack.GlueUrl;
                o.AthenaEndpoint = stack.GlueUrl;
                o.Region = "us-east-1";
                o.Credentials = new BasicAWSCredentials("test", "test");
            });
            builder.Services.AddSingleton<IAmazonS3>(stack.Emulator.S3);
        });
        var scheduler = await worker.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        await NotifyAsync(queue, await stack.UploadAsync(lake, 2024, 1, "first.csv", [(1, "alice", 1.5)]), 1);
        await Eventually.WaitForAsync(async () => await scheduler.GetTriggerState(key), s => s == TriggerState.Normal, TimeSpan.FromSeconds(30), "the debounce trigger");
        await BlockAsync(store);
        Assert.Equal(TriggerState.Blocked, await scheduler.GetTriggerState(key));

        await NotifyAsync(queue, await stack.UploadAsync(lake, 2024, 1, "second.csv", [(2, "bob", 2.5)]), 2);
        await Eventually.WaitForAsync(() => PendingAsync(store), n => n == 2, TimeSpan.FromSeconds(30), "both objects recorded");
        // The same fire time, stored again (the run request follows the ledger write): no longer blocked.
        await Eventually.WaitForAsync(async () => await scheduler.GetTriggerState(key), s => s == TriggerState.Normal, TimeSpan.FromSeconds(10), "the trigger unblocked by the next batch");

        await BlockAsync(store);
        var due = (await scheduler.GetTrigger(key))!.NextFireTimeUtc!.Value;
        await Task.Delay(due - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(2));
        Assert.Empty(await RunsAsync(store)); // blocked past its fire time: nothing runs, and no new batch comes to help

        await worker.Services.GetRequiredService<StalledDatasetRepairer>().RepairAsync(CancellationToken.None);
        var runs = await Eventually.WaitForAsync(() => RunsAsync(store), r => r.Count == 1 && !r[0].IsActive, TimeSpan.FromSeconds(60), "the repaired run");
        Assert.Equal(RunState.Succeeded, runs[0].State);
        Assert.Equal(0, await PendingAsync(store));
    }

    private async Task NotifyAsync(string queue, string key, int sequence) =>
        await stack.Emulator.Sqs.SendMessageAsync(queue, S3Notifications.Created(GlueStackFixture.Bucket, key, S3Notifications.Sequencer(sequence)));

    /// <summary>What Quartz itself does to a trigger stored while its non-concurrent job is held by another node.</summary>
    private static async Task BlockAsync(string store)
    {
        await using var connection = new SqliteConnection(store);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE qrtz_triggers SET trigger_state = 'BLOCKED' WHERE trigger_group = $group";
        command.Parameters.AddWithValue("$group", RunKeys.DebounceGroup);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private static async Task<int> PendingAsync(string store)
    {
        await using var runs = RunStoreFactory.Create(StoreProvider.Sqlite, store, TimeProvider.System);
        return await runs.CountObjectsAsync("sales", ObjectState.Pending, null, CancellationToken.None);
    }

    private static async Task<IReadOnlyList<GlueRun>> RunsAsync(string store)
    {
        await using var runs = RunStoreFactory.Create(StoreProvider.Sqlite, store, TimeProvider.System);
        return await runs.ListAsync("sales", 10, CancellationToken.None);
    }
}
