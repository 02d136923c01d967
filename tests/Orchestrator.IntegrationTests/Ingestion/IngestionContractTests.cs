using Amazon.SQS.Model;
using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.Jobs.Ledger;
using Orchestrator.Jobs.Storage;
using Orchestrator.Testing;

namespace Orchestrator.IntegrationTests.Ingestion;

/// <summary>
/// The ingestion guarantees, end to end: real SQS emulator, real store, the orchestrator's own host composition (in the test
/// process, or as a child process where signals matter). Run once per store.
/// </summary>
public abstract class IngestionContractTests(SqsS3EmulatorFixture emulator) : IAsyncLifetime
{
    protected const string Bucket = "data-lake";

    private readonly string directory = Directory.CreateTempSubdirectory("orchestrator-ingestion-").FullName;
    private readonly List<string> queues = [];

    protected SqsS3EmulatorFixture Emulator => emulator;

    protected abstract StoreProvider Provider { get; }

    protected string ConnectionString { get; private set; } = "";

    protected abstract Task<string> CreateStoreAsync(string directory);

    public async Task InitializeAsync() => ConnectionString = await CreateStoreAsync(directory);

    public virtual async Task DisposeAsync()
    {
        await emulator.DeleteQueuesAsync([.. queues]);
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>Keys as data lands in S3 for real: spaces, '+', an encoded '+', unicode, '=' inside a file name.</summary>
    protected static string Key(int i) => $"raw/sales/year=2024/month={(i % 12) + 1:D2}/part {i}+x%2B=ü€-{i:D5}.csv";

    protected async Task<(string Queue, string Dlq)> NewQueueAsync(int maxReceiveCount = 3)
    {
        var (queue, dlq) = await emulator.CreateQueueWithDlqAsync(maxReceiveCount);
        queues.Add(queue);
        queues.Add(dlq);
        return (queue, dlq);
    }

    protected Dictionary<string, string?> Settings(string queueUrl, params (string Key, string Value)[] overrides)
    {
        var settings = WorkerSettings.For(queueUrl, Provider.ToString(), ConnectionString, Path.Combine(directory, "alive"));
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    protected async Task SendAsync(string queueUrl, IEnumerable<string> bodies)
    {
        foreach (var chunk in bodies.Chunk(10))
        {
            var response = await emulator.Sqs.SendMessageBatchAsync(new SendMessageBatchRequest
            {
                QueueUrl = queueUrl,
                Entries = chunk.Select((body, i) => new SendMessageBatchRequestEntry($"m{i}", body)).ToList(),
            });
            Assert.Empty(response.Failed ?? []);
        }
    }

    protected async Task<IReadOnlyList<LedgerEntry>> LedgerAsync()
    {
        await using var ledger = ObjectLedgerFactory.Create(Provider, ConnectionString, TimeProvider.System);
        await ledger.InitializeAsync(CancellationToken.None); // the worker may not have created the schema yet
        return await ledger.ListAsync(new LedgerQuery(Limit: 1_000_000), CancellationToken.None);
    }

    protected Task<IReadOnlyList<LedgerEntry>> LedgerHoldsAsync(int count, TimeSpan timeout) =>
        Eventually.WaitForAsync(LedgerAsync, rows => rows.Count >= count, timeout, $"{count} ledger rows");

    protected Task QueueIsEmptyAsync(string queueUrl, TimeSpan timeout) =>
        Eventually.WaitForAsync(() => emulator.GetMessageCountsAsync(queueUrl), c => c.Total == 0, timeout, "an empty queue");

    [Fact]
    public async Task Every_notification_is_recorded_once_even_when_every_message_arrives_twice()
    {
        const int Objects = 300;
        var (queue, dlq) = await NewQueueAsync();
        var bodies = Enumerable.Range(0, Objects).Select(i => S3Notifications.Created(Bucket, Key(i), S3Notifications.Sequencer(i))).ToList();
        await SendAsync(queue, bodies.Concat(bodies).OrderBy(_ => Random.Shared.Next()));

        await using (await InProcessWorker.StartAsync(emulator.Sqs, Settings(queue)))
        {
            await QueueIsEmptyAsync(queue, TimeSpan.FromSeconds(60));
        }

        var rows = await LedgerAsync();
        Assert.Equal(Objects, rows.Count);
        Assert.Equal(Enumerable.Range(0, Objects).Select(Key).Order(StringComparer.Ordinal), rows.Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.All(rows, r =>
        {
            Assert.Equal(2, r.Deliveries);
            Assert.Equal(ObjectState.Pending, r.State);
            Assert.Equal("sales", r.Dataset);
            Assert.Matches("^year=2024/month=(0[1-9]|1[0-2])$", r.Partition);
        });
        Assert.Equal(0, (await emulator.GetMessageCountsAsync(dlq)).Total);
    }

    [Fact]
    public async Task A_malformed_message_reaches_the_DLQ_and_nothing_else_is_lost()
    {
        var (queue, dlq) = await NewQueueAsync(maxReceiveCount: 2);
        const string Poison = "{\"Records\": [{\"eventName\": \"ObjectCreated:Put\", \"s3\": {}}]}";
        await SendAsync(queue, [Poison]);
        await SendAsync(queue, Enumerable.Range(0, 50).Select(i => S3Notifications.Created(Bucket, Key(i), S3Notifications.Sequencer(i))));

        var settings = Settings(queue, ("Orchestrator:Queue:VisibilityTimeout", "00:00:01"), ("Orchestrator:Queue:HeartbeatInterval", "00:00:00.5"));
        await using (await InProcessWorker.StartAsync(emulator.Sqs, settings))
        {
            await LedgerHoldsAsync(50, TimeSpan.FromSeconds(30));
            await Eventually.WaitForAsync(() => emulator.GetMessageCountsAsync(dlq), c => c.Total == 1, TimeSpan.FromSeconds(30), "the poison message in the DLQ");
            await QueueIsEmptyAsync(queue, TimeSpan.FromSeconds(10));
        }

        Assert.Equal(50, (await LedgerAsync()).Count);
        var deadLettered = Assert.Single(await emulator.DrainAsync(dlq));
        Assert.Equal(Poison, deadLettered.Body);
    }

    [Fact]
    public async Task Test_events_and_unsupported_events_are_acknowledged_and_never_dead_lettered()
    {
        var (queue, dlq) = await NewQueueAsync(maxReceiveCount: 1);
        await SendAsync(queue,
        [
            """{"Service":"Amazon S3","Event":"s3:TestEvent","Time":"2024-01-01T00:00:00.000Z","Bucket":"data-lake","RequestId":"5582815E1AEA5ADF","HostId":"8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE"}""",
            S3Notifications.Created(Bucket, Key(1), S3Notifications.Sequencer(1)).Replace("ObjectCreated:Put", "ObjectRestore:Completed", StringComparison.Ordinal),
            S3Notifications.Created(Bucket, Key(2), S3Notifications.Sequencer(2)),
        ]);

        await using (await InProcessWorker.StartAsync(emulator.Sqs, Settings(queue)))
        {
            await QueueIsEmptyAsync(queue, TimeSpan.FromSeconds(30));
        }

        var row = Assert.Single(await LedgerAsync());
        Assert.Equal(Key(2), row.Key);
        Assert.Equal(0, (await emulator.GetMessageCountsAsync(dlq)).Total);
    }

    [Fact]
    public async Task Objects_outside_every_dataset_are_recorded_as_rejected_and_acknowledged()
    {
        var (queue, dlq) = await NewQueueAsync(maxReceiveCount: 1);
        await SendAsync(queue,
        [
            S3Notifications.Created(Bucket, ["raw/sales/year=2024/month=01/good.csv", "elsewhere/file.csv", "raw/sales/year=2024/month=1;DROP/x.csv"]),
        ]);

        await using (await InProcessWorker.StartAsync(emulator.Sqs, Settings(queue)))
        {
            await QueueIsEmptyAsync(queue, TimeSpan.FromSeconds(30));
        }

        var rows = (await LedgerAsync()).ToDictionary(r => r.Key);
        Assert.Equal(3, rows.Count);
        Assert.Equal(ObjectState.Pending, rows["raw/sales/year=2024/month=01/good.csv"].State);
        Assert.Equal(ObjectState.Rejected, rows["elsewhere/file.csv"].State);
        Assert.StartsWith("NoDataset", rows["elsewhere/file.csv"].RejectReason, StringComparison.Ordinal);
        Assert.Equal(ObjectState.Rejected, rows["raw/sales/year=2024/month=1;DROP/x.csv"].State);
        Assert.StartsWith("InvalidPartitionValue", rows["raw/sales/year=2024/month=1;DROP/x.csv"].RejectReason, StringComparison.Ordinal);
        Assert.Null(rows["raw/sales/year=2024/month=1;DROP/x.csv"].Partition);
        Assert.Equal(0, (await emulator.GetMessageCountsAsync(dlq)).Total);
    }

    [Fact]
    public async Task The_heartbeat_keeps_a_slow_batch_invisible_until_it_is_deleted()
    {
        var (queue, dlq) = await NewQueueAsync(maxReceiveCount: 5);
        await SendAsync(queue, [S3Notifications.Created(Bucket, Key(7), S3Notifications.Sequencer(7))]);
        var settings = Settings(queue, ("Orchestrator:Queue:VisibilityTimeout", "00:00:02"), ("Orchestrator:Queue:HeartbeatInterval", "00:00:00.5"));

        await using (await InProcessWorker.StartAsync(emulator.Sqs, settings, ledger => new SlowLedger(ledger, TimeSpan.FromSeconds(6))))
        {
            await QueueIsEmptyAsync(queue, TimeSpan.FromSeconds(30));
        }

        var row = Assert.Single(await LedgerAsync());
        Assert.Equal(1, row.Deliveries); // without the heartbeat the message would have come back two or three times
        Assert.Equal(0, (await emulator.GetMessageCountsAsync(dlq)).Total);
    }

    [Fact]
    public async Task While_the_store_fails_messages_stay_on_the_queue_and_are_recorded_once_it_recovers()
    {
        var (queue, dlq) = await NewQueueAsync(maxReceiveCount: 10);
        await SendAsync(queue, Enumerable.Range(0, 30).Select(i => S3Notifications.Created(Bucket, Key(i), S3Notifications.Sequencer(i))));
        var settings = Settings(queue, ("Orchestrator:Queue:MaxStoreBackoff", "00:00:02"));

        await using (await InProcessWorker.StartAsync(emulator.Sqs, settings, ledger => new FailingLedger(ledger, failures: 3)))
        {
            await LedgerHoldsAsync(30, TimeSpan.FromSeconds(60));
            await QueueIsEmptyAsync(queue, TimeSpan.FromSeconds(30));
        }

        Assert.Equal(30, (await LedgerAsync()).Count);
        Assert.Equal(0, (await emulator.GetMessageCountsAsync(dlq)).Total);
    }

    [Fact]
    public async Task SIGTERM_with_messages_in_flight_loses_nothing_and_the_next_worker_finishes_the_rest()
    {
        const int Objects = 3000;
        var (queue, dlq) = await NewQueueAsync();
        await SendAsync(queue, Enumerable.Range(0, Objects).Select(i => S3Notifications.Created(Bucket, Key(i), S3Notifications.Sequencer(i))));
        var settings = Settings(queue);

        await using (var first = WorkerProcess.Start(settings, Emulator.ServiceUrl.ToString()))
        {
            await LedgerHoldsAsync(200, TimeSpan.FromSeconds(60));
            first.Terminate();
            int code = await first.WaitForExitAsync(TimeSpan.FromSeconds(30));
            Assert.True(code == 0, $"exit code {code}; output:\n{first.Output}");
            Assert.DoesNotContain("fail:", first.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("crit:", first.Output, StringComparison.Ordinal);
        }

        int afterFirst = (await LedgerAsync()).Count;
        Assert.InRange(afterFirst, 200, Objects - 1);

        await using (var second = WorkerProcess.Start(settings, Emulator.ServiceUrl.ToString()))
        {
            await LedgerHoldsAsync(Objects, TimeSpan.FromSeconds(120));
            await QueueIsEmptyAsync(queue, TimeSpan.FromSeconds(30));
            second.Terminate();
            Assert.Equal(0, await second.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        }

        var rows = await LedgerAsync();
        Assert.Equal(Objects, rows.Count);
        Assert.Equal(Objects, rows.Select(r => r.Key).Distinct().Count());
        Assert.Equal(0, (await emulator.GetMessageCountsAsync(dlq)).Total);
    }

    [Fact]
    public async Task SIGKILL_mid_stream_then_a_restart_completes_the_ledger_without_duplicates()
    {
        const int Objects = 3000;
        var (queue, dlq) = await NewQueueAsync(maxReceiveCount: 5);
        await SendAsync(queue, Enumerable.Range(0, Objects).Select(i => S3Notifications.Created(Bucket, Key(i), S3Notifications.Sequencer(i))));
        var settings = Settings(queue, ("Orchestrator:Queue:VisibilityTimeout", "00:00:03"), ("Orchestrator:Queue:HeartbeatInterval", "00:00:01"));

        await using (var first = WorkerProcess.Start(settings, Emulator.ServiceUrl.ToString()))
        {
            await LedgerHoldsAsync(200, TimeSpan.FromSeconds(60));
            first.KillHard();
            await first.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }

        Assert.InRange((await LedgerAsync()).Count, 200, Objects - 1);

        await using (var second = WorkerProcess.Start(settings, Emulator.ServiceUrl.ToString()))
        {
            await LedgerHoldsAsync(Objects, TimeSpan.FromSeconds(120));
            await QueueIsEmptyAsync(queue, TimeSpan.FromSeconds(30));
        }

        var rows = await LedgerAsync();
        Assert.Equal(Objects, rows.Count);
        Assert.Equal(Objects, rows.Select(r => r.Key).Distinct().Count());
        Assert.Equal(0, (await emulator.GetMessageCountsAsync(dlq)).Total);
    }
}
