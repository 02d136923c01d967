using System.Text.Json;
using System.Text.RegularExpressions;
using Amazon.SQS.Model;
using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.Testing;

namespace Orchestrator.IntegrationTests.Ingestion;

/// <summary>
/// The operator commands as an operator runs them, as processes against the SQS emulator and a SQLite file: <c>status</c>,
/// <c>schedules</c> and <c>dlq redrive</c>.
/// </summary>
[Collection(IngestionCollectionDefinition.Name)]
public sealed partial class OperatorCliTests(SqsS3EmulatorFixture emulator) : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("orchestrator-opcli-").FullName;
    private readonly List<string> queues = [];

    private string Endpoint => emulator.ServiceUrl.ToString();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await emulator.DeleteQueuesAsync([.. queues]);
        Directory.Delete(directory, recursive: true);
    }

    private Dictionary<string, string?> Settings(string queueUrl) =>
        WorkerSettings.For(queueUrl, "Sqlite", $"Data Source={Path.Combine(directory, "o.db")}", Path.Combine(directory, "alive"));

    private async Task<(string Queue, string Dlq)> NewQueueAsync()
    {
        var (queue, dlq) = await emulator.CreateQueueWithDlqAsync(maxReceiveCount: 1);
        queues.Add(queue);
        queues.Add(dlq);
        return (queue, dlq);
    }

    [Fact]
    public async Task Status_shows_pending_objects_and_the_dead_letter_queue_depth_as_a_table_and_as_json()
    {
        var (queue, dlq) = await NewQueueAsync();
        var settings = Settings(queue);
        for (int i = 0; i < 3; i++)
        {
            await emulator.Sqs.SendMessageAsync(queue, S3Notifications.Created("data-lake", $"raw/sales/year=2024/month=01/part-{i}.csv", S3Notifications.Sequencer(i)));
        }

        await using (var worker = WorkerProcess.Start(settings, Endpoint))
        {
            await Eventually.WaitForAsync(() => emulator.GetMessageCountsAsync(queue), c => c.Total == 0, TimeSpan.FromSeconds(60),
                "the worker to record and delete the three notifications");
            worker.Terminate();
            Assert.Equal(0, await worker.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        }

        await emulator.Sqs.SendMessageAsync(dlq, "poison: not an S3 event"); // as if dead-lettered after maxReceiveCount 1

        var (code, output) = await WorkerProcess.RunToEndAsync(settings, Endpoint, "status");

        Assert.Equal(0, code);
        Assert.Matches(SalesRow(), output); // sales, no Glue job, 3 pending
        Assert.Contains("dlq         1 visible, 0 in flight", output, StringComparison.Ordinal);
        Assert.Contains("queue       0 visible, 0 in flight", output, StringComparison.Ordinal);

        var (jsonCode, json) = await WorkerProcess.RunToEndAsync(settings, Endpoint, "status", "--json");

        Assert.Equal(0, jsonCode);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var sales = Assert.Single(root.GetProperty("datasets").EnumerateArray().ToList());
        Assert.Equal("sales", sales.GetProperty("name").GetString());
        Assert.Equal(3, sales.GetProperty("objects").GetProperty("pending").GetInt32());
        Assert.Equal(JsonValueKind.Null, sales.GetProperty("activeRun").ValueKind);
        Assert.Equal(1, root.GetProperty("deadLetterQueue").GetProperty("visible").GetInt32());
        Assert.Equal(dlq, root.GetProperty("deadLetterQueue").GetProperty("url").GetString());
        Assert.Equal(0, root.GetProperty("queue").GetProperty("visible").GetInt32());
    }

    [Fact]
    public async Task Status_exits_2_with_the_error_when_the_queue_cannot_be_read()
    {
        var settings = Settings(emulator.ServiceUrl + "000000000000/no-such-queue-" + Guid.NewGuid().ToString("N"));

        var (code, output) = await WorkerProcess.RunToEndAsync(settings, Endpoint, "status");

        Assert.Equal(2, code);
        Assert.Contains("cannot be read", output, StringComparison.Ordinal);
        Assert.Contains("sales", output, StringComparison.Ordinal); // the store part is still printed
    }

    [Fact]
    public async Task Schedules_lists_a_configured_cron_schedule_once_a_worker_has_reconciled()
    {
        var (queue, _) = await NewQueueAsync();
        var settings = Settings(queue);
        settings["Orchestrator:Datasets:sales:Glue:Job"] = "sales-job";
        settings["Orchestrator:Datasets:sales:Glue:Schedules:0:Name"] = "nightly";
        settings["Orchestrator:Datasets:sales:Glue:Schedules:0:Cron"] = "0 30 2 * * ?";
        settings["Orchestrator:Datasets:sales:Glue:Schedules:0:TimeZone"] = "Europe/Berlin";

        await using (var worker = WorkerProcess.Start(settings, Endpoint))
        {
            await Eventually.WaitForAsync(() => Task.FromResult(File.Exists(Path.Combine(directory, "alive"))), x => x,
                TimeSpan.FromSeconds(60), "the worker to start polling (after reconciling the schedules)");
            worker.Terminate();
            Assert.Equal(0, await worker.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        }

        var (code, output) = await WorkerProcess.RunToEndAsync(settings, Endpoint, "schedules");

        Assert.Equal(0, code);
        var line = Assert.Single(output.Split('\n'), l => l.Contains("sales/nightly", StringComparison.Ordinal));
        Assert.StartsWith("cron", line, StringComparison.Ordinal);
        Assert.Contains("orchestrator.glue.sales", line, StringComparison.Ordinal);
        Assert.Contains("0 30 2 * * ? (Europe/Berlin)", line, StringComparison.Ordinal);

        var (jsonCode, json) = await WorkerProcess.RunToEndAsync(settings, Endpoint, "schedules", "--json");

        Assert.Equal(0, jsonCode);
        using var document = JsonDocument.Parse(json);
        var cron = Assert.Single(document.RootElement.EnumerateArray().ToList(), t => t.GetProperty("kind").GetString() == "cron");
        Assert.Equal("0 30 2 * * ?", cron.GetProperty("cron").GetString());
        Assert.Equal("Europe/Berlin", cron.GetProperty("timeZone").GetString());
        var next = cron.GetProperty("nextFireTime").GetDateTimeOffset();
        Assert.InRange(next, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1.1));
        Assert.Equal(30, TimeZoneInfo.ConvertTime(next, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).Minute);

        var (statusCode, status) = await WorkerProcess.RunToEndAsync(settings, Endpoint, "status");
        Assert.Equal(0, statusCode);
        Assert.Contains("sales/nightly", status, StringComparison.Ordinal); // status lists the dataset's triggers too
    }

    [Fact]
    public async Task Dlq_redrive_dry_run_changes_nothing_and_redrive_moves_every_message_back()
    {
        var (queue, dlq) = await NewQueueAsync();
        var settings = Settings(queue);
        var bodies = Enumerable.Range(0, 12).Select(i => $"message {i:D2} " + new string('x', 200)).ToHashSet();
        var ids = new List<string>();
        foreach (string body in bodies)
        {
            ids.Add((await emulator.Sqs.SendMessageAsync(dlq, body)).MessageId);
        }

        var (dryCode, dryOutput) = await WorkerProcess.RunToEndAsync(settings, Endpoint, "dlq", "redrive", "--dry-run");

        Assert.Equal(0, dryCode);
        Assert.All(ids, id => Assert.Contains(id, dryOutput, StringComparison.Ordinal));
        Assert.Contains("12 message(s)", dryOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 200), dryOutput, StringComparison.Ordinal); // bodies cut at 120 characters
        Assert.Equal(12, (await emulator.GetMessageCountsAsync(dlq)).Total);
        Assert.Equal(0, (await emulator.GetMessageCountsAsync(queue)).Total);

        var (partCode, partOutput) = await WorkerProcess.RunToEndAsync(settings, Endpoint, "dlq", "redrive", "--max", "5");
        Assert.Equal(0, partCode);
        Assert.Contains("moved 5 message(s)", partOutput, StringComparison.Ordinal);

        var (code, output) = await WorkerProcess.RunToEndAsync(settings, Endpoint, "dlq", "redrive");

        Assert.Equal(0, code);
        Assert.Contains("moved 7 message(s)", output, StringComparison.Ordinal);
        Assert.Equal(0, (await emulator.GetMessageCountsAsync(dlq)).Total);
        var moved = await emulator.DrainAsync(queue);
        Assert.Equal(bodies.Order(StringComparer.Ordinal), moved.Select(m => m.Body).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Dlq_redrive_exits_2_when_the_queue_has_no_redrive_policy()
    {
        string queue = (await emulator.Sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = SqsS3EmulatorFixture.UniqueName("opcli") })).QueueUrl;
        queues.Add(queue);

        var (code, output) = await WorkerProcess.RunToEndAsync(Settings(queue), Endpoint, "dlq", "redrive");

        Assert.Equal(2, code);
        Assert.Contains("has no redrive policy", output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"sales\s+-\s+3\s+0\s+0\s+0")]
    private static partial Regex SalesRow();
}
