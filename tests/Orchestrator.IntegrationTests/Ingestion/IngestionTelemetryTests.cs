using System.Diagnostics;
using Amazon.SQS.Model;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.Testing;

namespace Orchestrator.IntegrationTests.Ingestion;

/// <summary>What an operator sees: spans with the messaging conventions and the ingestion metrics, from a real run.</summary>
[Collection(TelemetryCollectionDefinition.Name)]
public sealed class IngestionTelemetryTests(SqsS3EmulatorFixture emulator) : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("orchestrator-telemetry-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_batch_produces_receive_process_and_ledger_spans_and_the_ingestion_metrics()
    {
        var (queue, dlq) = await emulator.CreateQueueWithDlqAsync();
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        await emulator.Sqs.SendMessageBatchAsync(new SendMessageBatchRequest
        {
            QueueUrl = queue,
            Entries =
            [
                new("a", S3Notifications.Created("data-lake", "raw/sales/year=2024/month=01/a.csv", S3Notifications.Sequencer(1))),
                new("b", S3Notifications.Created("data-lake", "elsewhere/b.csv", S3Notifications.Sequencer(2))),
                new("c", "not json"),
                new("d", """{"Service":"Amazon S3","Event":"s3:TestEvent","Time":"2024-01-01T00:00:00.000Z","Bucket":"data-lake"}"""),
            ],
        });

        var settings = WorkerSettings.For(queue, "Sqlite", $"Data Source={Path.Combine(directory, "o.db")}", Path.Combine(directory, "alive"));
        await using (var worker = await InProcessWorker.StartAsync(emulator.Sqs, settings, configure: builder =>
        {
            builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans));
            builder.Services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(metrics));
        }))
        {
            await Eventually.WaitForAsync(() => emulator.GetMessageCountsAsync(queue), c => c.Visible == 0 && c.NotVisible <= 1,
                TimeSpan.FromSeconds(30), "three messages settled, the unparseable one left in flight");
            await Task.Delay(500);
            worker.Services.GetRequiredService<TracerProvider>().ForceFlush();
            worker.Services.GetRequiredService<MeterProvider>().ForceFlush();
        }

        var receives = spans.Where(s => s.DisplayName.StartsWith("receive ", StringComparison.Ordinal) && s.GetTagItem("messaging.batch.message_count") is not null).ToList();
        Assert.Equal(4, receives.Sum(r => (int)r.GetTagItem("messaging.batch.message_count")!));
        Assert.All(receives, r => Assert.Equal("aws_sqs", r.GetTagItem("messaging.system")));
        Assert.All(receives, r => Assert.Equal(ActivityKind.Consumer, r.Kind));
        var perMessage = spans.Where(s => s.DisplayName.EndsWith(" message", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, perMessage.Count);
        Assert.All(perMessage, s => Assert.Contains(receives, r => r.TraceId == s.TraceId)); // one trace per receive batch
        Assert.All(perMessage, s => Assert.NotNull(s.GetTagItem("messaging.message.id")));
        var poison = Assert.Single(perMessage, s => s.Status == ActivityStatusCode.Error);
        Assert.Equal("unparseable", poison.GetTagItem("error.type"));
        var ledgerWrite = Assert.Single(spans, s => s.DisplayName == "orchestrator.ledger.write");
        Assert.Equal(2, ledgerWrite.GetTagItem("orchestrator.ledger.records"));

        // Cumulative temporality: each export holds the totals so far, so only the last snapshot of each metric counts.
        long Sum(string name, string? tag = null, string? value = null) => metrics.Where(m => m.Name == name).TakeLast(1).Sum(m =>
        {
            long total = 0;
            foreach (var point in m.MetricPoints)
            {
                bool match = tag is null;
                foreach (var t in point.Tags)
                {
                    match |= t.Key == tag && Equals(t.Value, value);
                }

                total += match ? point.GetSumLong() : 0;
            }

            return total;
        });

        Assert.Equal(4, Sum("orchestrator.messages.received"));
        Assert.Equal(3, Sum("orchestrator.messages.deleted"));
        Assert.Equal(1, Sum("orchestrator.messages.failed", "reason", "unparseable"));
        Assert.Equal(1, Sum("orchestrator.messages.ignored", "reason", "test_event"));
        Assert.Equal(1, Sum("orchestrator.objects.rejected", "reason", "NoDataset"));
        Assert.Equal(1, Sum("orchestrator.objects.recorded", "state", "pending"));
        Assert.Contains(metrics, m => m.Name == "orchestrator.notification.lag");
        Assert.Contains(metrics, m => m.Name == "orchestrator.ledger.write.duration");
        await emulator.DeleteQueuesAsync(queue, dlq);
    }
}
