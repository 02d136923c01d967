using System.Globalization;
using Orchestrator.IntegrationTests.Infrastructure;

namespace Orchestrator.IntegrationTests.Ingestion;

/// <summary>The executable as ECS runs it: exit codes and messages for bad configuration, a missing queue, the health check.</summary>
[Collection(IngestionCollectionDefinition.Name)]
public sealed class WorkerCommandLineTests(SqsS3EmulatorFixture emulator) : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("orchestrator-cli-").FullName;

    private string Endpoint => emulator.ServiceUrl.ToString();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(directory, recursive: true);
        return Task.CompletedTask;
    }

    private Dictionary<string, string?> Settings(string queueUrl) =>
        WorkerSettings.For(queueUrl, "Sqlite", $"Data Source={Path.Combine(directory, "o.db")}", Path.Combine(directory, "alive"));

    [Fact]
    public async Task An_invalid_configuration_exits_1_listing_every_error_before_touching_the_queue()
    {
        var (queue, dlq) = await emulator.CreateQueueWithDlqAsync();
        var settings = Settings(queue);
        settings["Orchestrator:Queue:WaitTime"] = "00:00:25";
        settings["Orchestrator:Queue:MaxMessagesPerReceive"] = "20";
        await emulator.Sqs.SendMessageAsync(queue, "untouched");

        var (code, output) = await WorkerProcess.RunToEndAsync(settings, Endpoint, "run");

        Assert.Equal(1, code);
        Assert.Contains("the configuration has 3 errors", output, StringComparison.Ordinal); // WaitTime twice: range and vs. shutdown
        Assert.Contains("Orchestrator:Queue:WaitTime: 00:00:25", output, StringComparison.Ordinal);
        Assert.Contains("Orchestrator:Queue:MaxMessagesPerReceive: 20", output, StringComparison.Ordinal);
        Assert.Equal(1, (await emulator.GetMessageCountsAsync(queue)).Visible); // never received
        await emulator.DeleteQueuesAsync(queue, dlq);
    }

    [Fact]
    public async Task A_missing_queue_stops_the_worker_with_exit_code_3_and_one_clear_message()
    {
        var settings = Settings(emulator.ServiceUrl + "000000000000/no-such-queue-" + Guid.NewGuid().ToString("N"));

        var (code, output) = await WorkerProcess.RunToEndAsync(settings, Endpoint, "run");

        Assert.Equal(3, code);
        Assert.Contains("the queue does not exist", output, StringComparison.Ordinal);
        Assert.Single(output.Split('\n'), line => line.Contains("crit:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Healthcheck_is_healthy_while_the_worker_polls_and_unhealthy_otherwise()
    {
        var (queue, dlq) = await emulator.CreateQueueWithDlqAsync();
        var settings = Settings(queue);

        var (missing, missingOutput) = await WorkerProcess.RunToEndAsync(settings, Endpoint, "healthcheck");
        Assert.Equal(1, missing);
        Assert.Contains("unhealthy: no progress recorded", missingOutput, StringComparison.Ordinal);

        await using (var worker = WorkerProcess.Start(settings, Endpoint))
        {
            await Eventually.WaitForAsync(() => Task.FromResult(File.Exists(Path.Combine(directory, "alive"))), x => x,
                TimeSpan.FromSeconds(30), "the liveness file");
            var (healthy, healthyOutput) = await WorkerProcess.RunToEndAsync(settings, Endpoint, "healthcheck");
            Assert.Equal(0, healthy);
            Assert.StartsWith("healthy: last progress", healthyOutput, StringComparison.Ordinal);
            worker.Terminate();
            Assert.Equal(0, await worker.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        }

        await File.WriteAllTextAsync(Path.Combine(directory, "alive"), DateTimeOffset.UtcNow.AddMinutes(-10).ToString("O", CultureInfo.InvariantCulture));
        var (stale, staleOutput) = await WorkerProcess.RunToEndAsync(settings, Endpoint, "healthcheck");
        Assert.Equal(1, stale);
        Assert.Contains("unhealthy: last progress 600 s ago (limit 120 s)", staleOutput, StringComparison.Ordinal);
        await emulator.DeleteQueuesAsync(queue, dlq);
    }

    [Fact]
    public async Task Config_validate_prints_the_resolved_configuration_with_secrets_redacted()
    {
        var settings = Settings("https://sqs.us-east-1.amazonaws.com/123456789012/q");
        settings["Orchestrator:Store:Provider"] = "PostgreSql";
        settings["Orchestrator:Store:ConnectionString"] = "Host=db;Username=o;Password=hunter2";

        var (code, output) = await WorkerProcess.RunToEndAsync(settings, Endpoint, "config", "validate");

        Assert.Equal(0, code);
        Assert.Contains("\"Provider\": \"PostgreSql\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", output, StringComparison.Ordinal);
        Assert.Contains("the configuration is valid", output, StringComparison.Ordinal);
    }
}
