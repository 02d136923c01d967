using Amazon.SQS.Model;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.IntegrationTests.Ingestion;

namespace Orchestrator.IntegrationTests.Telemetry;

/// <summary>What an operator alarms on: messages sitting in the DLQ show up in <c>orchestrator.queue.depth{queue=dlq}</c>.</summary>
[Collection(IngestionCollectionDefinition.Name)]
public sealed class QueueDepthGaugeTests(SqsS3EmulatorFixture emulator) : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("orchestrator-queue-depth-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_depth_gauges_report_the_messages_in_the_dlq_found_through_the_redrive_policy()
    {
        var (queue, dlq) = await emulator.CreateQueueWithDlqAsync();
        await emulator.Sqs.SendMessageBatchAsync(new SendMessageBatchRequest
        {
            QueueUrl = dlq,
            Entries = [new("a", "dead 1"), new("b", "dead 2"), new("c", "dead 3")],
        });
        string dlqName = new Uri(dlq).Segments[^1];
        string queueName = new Uri(queue).Segments[^1];
        var metrics = new List<MetricSnapshot>();
        var settings = WorkerSettings.For(queue, "Sqlite", $"Data Source={Path.Combine(directory, "o.db")}", Path.Combine(directory, "alive"));
        settings["Orchestrator:Queue:DepthPollInterval"] = "00:00:01";

        await using (var worker = await InProcessWorker.StartAsync(emulator.Sqs, settings,
            configure: builder => builder.Services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(metrics))))
        {
            var meterProvider = worker.Services.GetRequiredService<MeterProvider>();
            await Eventually.WaitForAsync(
                () =>
                {
                    meterProvider.ForceFlush();
                    return Task.FromResult(Depth(metrics, dlqName, "dlq", "visible"));
                },
                depth => depth == 3, TimeSpan.FromSeconds(30), "orchestrator.queue.depth{queue=dlq,state=visible} to report the 3 dead letters");

            Assert.Equal(0, Depth(metrics, dlqName, "dlq", "in_flight"));
            Assert.NotNull(Depth(metrics, queueName, "main", "visible"));
        }

        await emulator.DeleteQueuesAsync(queue, dlq);
    }

    /// <summary>The last exported value of the gauge point for one queue and state, or null when there is none.</summary>
    private static long? Depth(List<MetricSnapshot> metrics, string queueName, string role, string state)
    {
        long? value = null;
        foreach (var metric in metrics.ToArray().Where(m => m.Name == "orchestrator.queue.depth"))
        {
            Assert.Equal(MetricType.LongGauge, metric.MetricType);
            Assert.Equal("{message}", metric.Unit);
            foreach (var point in metric.MetricPoints)
            {
                var tags = new Dictionary<string, object?>();
                foreach (var tag in point.Tags)
                {
                    tags[tag.Key] = tag.Value;
                }

                if (Equals(tags["messaging.destination.name"], queueName) && Equals(tags["queue"], role) && Equals(tags["state"], state))
                {
                    value = point.GetGaugeLastValueLong();
                }
            }
        }

        return value;
    }
}
