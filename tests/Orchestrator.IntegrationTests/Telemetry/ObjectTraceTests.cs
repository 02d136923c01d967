using System.Diagnostics;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SQS.Model;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.IntegrationTests.Scheduling;
using Orchestrator.Jobs.Aws;
using Orchestrator.Jobs.Runs;
using Orchestrator.Jobs.Storage;
using Orchestrator.Jobs.Tracing;
using Orchestrator.Testing;

namespace Orchestrator.IntegrationTests.Telemetry;

/// <summary>
/// The shape of one object's journey as traces, end to end on the local AWS (SQS/S3 emulator, Glue/Athena emulator running
/// the local raw_to_curated) and a real SQLite store, with every span the worker records captured in memory: each object's
/// trace (receive → process → message, ledger write → run request), the run's trace (run → its steps → partition registration,
/// StartJobRun, polls, output partitions) and the links from the run back to every object's trace.
/// </summary>
[Collection(GlueStackCollectionDefinition.Name)]
public sealed class ObjectTraceTests(GlueStackFixture stack) : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("orchestrator-trace-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Each_objects_trace_reaches_the_run_that_processed_it_and_the_run_trace_holds_every_step()
    {
        var lake = await stack.CreateLakeAsync(1, null);
        var (queue, _) = await stack.Emulator.CreateQueueWithDlqAsync();
        string connection = $"Data Source={Path.Combine(directory, "orchestrator.db")}";
        var settings = GlueSettings.For(lake, queue, nameof(StoreProvider.Sqlite), connection, Path.Combine(directory, "alive"));
        string queueName = new Uri(queue).Segments[^1];
        var keys = new List<string>
        {
            await stack.UploadAsync(lake, 2024, 1, "a.csv", [(1, "alice", 10.5)]),
            await stack.UploadAsync(lake, 2024, 1, "b.csv", [(2, "bob", 20)]),
            await stack.UploadAsync(lake, 2024, 2, "c.csv", [(3, "carol", 7)]),
        };

        var spans = new List<Activity>();
        GlueRun run;
        await using (var worker = await StartWorkerAsync(settings, spans))
        {
            int n = 0;
            foreach (string key in keys)
            {
                // One message each, as S3 sends them; they may arrive in one receive batch or several.
                await stack.Emulator.Sqs.SendMessageAsync(new SendMessageRequest(queue,
                    S3Notifications.Created(GlueStackFixture.Bucket, key, S3Notifications.Sequencer(++n))));
            }

            var runs = await Eventually.WaitForAsync(() => RunsAsync(connection), r => r.Count >= 1 && r.All(x => !x.IsActive),
                TimeSpan.FromSeconds(60), "a finished run");
            run = Assert.Single(runs);
            worker.Services.GetRequiredService<TracerProvider>().ForceFlush();
        }

        Assert.Equal(RunState.Succeeded, run.State);
        // The worker's tracer provider is gone: nothing is added any more. Other tests' spans may be here too (the
        // ActivitySources are process-wide); everything below is found by trace id or object key.
        var captured = spans;

        // The run's trace: one root span with the context derived from the run id, every step its child.
        var runContext = RunTrace.ContextOf(run.RunId);
        var runTrace = captured.Where(s => s.TraceId == runContext.TraceId).ToList();
        var runSpan = Assert.Single(runTrace, s => s.DisplayName == "orchestrator.glue.run");
        Assert.Equal(runContext.SpanId, runSpan.SpanId);
        Assert.Equal(default, runSpan.ParentSpanId);
        Assert.Equal(run.JobRunId, runSpan.GetTagItem("orchestrator.glue.run_id"));
        Assert.Equal("SUCCEEDED", runSpan.GetTagItem("orchestrator.glue.state"));
        Assert.Equal("sales", runSpan.GetTagItem("orchestrator.dataset"));

        var steps = runTrace.Where(s => s.GetTagItem("orchestrator.glue.step") is not null).ToList();
        Assert.All(steps, s => Assert.Equal(runSpan.SpanId, s.ParentSpanId));
        Assert.All(steps, s => Assert.Equal("orchestrator.glue.run." + s.GetTagItem("orchestrator.glue.step"), s.DisplayName));
        var stepNames = steps.Select(s => (string)s.GetTagItem("orchestrator.glue.step")!).ToList();
        Assert.Contains("admit", stepNames);
        var start = Assert.Single(steps, s => (string?)s.GetTagItem("orchestrator.glue.step") == "start");
        var polls = steps.Where(s => (string?)s.GetTagItem("orchestrator.glue.step") == "poll").ToList();
        Assert.NotEmpty(polls);

        // The start step registers the raw partitions (their Glue calls below it) and calls StartJobRun.
        var raw = Assert.Single(runTrace, s => s.DisplayName == "orchestrator.partitions.register" && (string?)s.GetTagItem("orchestrator.partitions.kind") == "raw");
        Assert.Equal(start.SpanId, raw.ParentSpanId);
        Assert.Equal(2, raw.GetTagItem("orchestrator.partitions.requested"));
        Assert.Contains(runTrace, s => s.DisplayName == "Glue.BatchCreatePartition" && s.ParentSpanId == raw.SpanId);
        var startJobRun = Assert.Single(runTrace, s => s.DisplayName == "Glue.StartJobRun");
        Assert.Equal(start.SpanId, startJobRun.ParentSpanId);

        // Every poll is a step with its GetJobRun; the last one found the run finished and registered the output partitions.
        var pollIds = polls.Select(p => p.SpanId).ToHashSet();
        var getJobRuns = runTrace.Where(s => s.DisplayName == "Glue.GetJobRun").ToList();
        Assert.NotEmpty(getJobRuns);
        Assert.All(getJobRuns, g => Assert.Contains(g.ParentSpanId, pollIds));
        var output = Assert.Single(runTrace, s => s.DisplayName == "orchestrator.partitions.register" && (string?)s.GetTagItem("orchestrator.partitions.kind") == "output");
        Assert.Contains(output.ParentSpanId, pollIds);

        // Each object's trace: receive (root) → process batch → the object's message; the batch's ledger write → the run
        // request; and the run span links to that request.
        var links = runSpan.Links.Select(l => (l.Context.TraceId, l.Context.SpanId)).ToHashSet();
        foreach (string key in keys)
        {
            var message = Assert.Single(captured, s => s.DisplayName == $"process {queueName} message" && (string?)s.GetTagItem("aws.s3.key") == key);
            var objectTrace = captured.Where(s => s.TraceId == message.TraceId).ToList();
            var batch = Assert.Single(objectTrace, s => s.SpanId == message.ParentSpanId);
            Assert.Equal($"process {queueName}", batch.DisplayName);
            var receive = Assert.Single(objectTrace, s => s.SpanId == batch.ParentSpanId);
            Assert.Equal($"receive {queueName}", receive.DisplayName);
            Assert.Equal(default, receive.ParentSpanId);
            var ledger = Assert.Single(objectTrace, s => s.DisplayName == "orchestrator.ledger.write");
            Assert.Equal(batch.SpanId, ledger.ParentSpanId);
            var request = Assert.Single(objectTrace, s => s.DisplayName == "orchestrator.glue.request");
            Assert.Equal(ledger.SpanId, request.ParentSpanId);
            Assert.Equal("sales", request.GetTagItem("orchestrator.dataset"));
            Assert.Contains((request.TraceId, request.SpanId), links);
        }

        // The links are exactly the requests of the batches that carried the objects (no stray causes).
        var requestsOfObjects = captured.Where(s => s.DisplayName == "orchestrator.glue.request"
            && captured.Any(m => m.TraceId == s.TraceId && keys.Contains((string?)m.GetTagItem("aws.s3.key") ?? "")))
            .Select(s => (s.TraceId, s.SpanId)).ToHashSet();
        Assert.Equal(requestsOfObjects, links);
    }

    [Fact]
    public async Task The_first_causes_of_a_debounce_window_are_all_kept_for_the_run_in_the_trigger()
    {
        var lake = await stack.CreateLakeAsync(1, null);
        var (queue, _) = await stack.Emulator.CreateQueueWithDlqAsync();
        var settings = GlueSettings.For(lake, queue, nameof(StoreProvider.Sqlite), $"Data Source={Path.Combine(directory, "o.db")}",
            Path.Combine(directory, "alive"));
        settings["Orchestrator:Datasets:sales:Glue:Debounce"] = "00:10:00"; // nothing fires during the test
        settings["Orchestrator:Datasets:sales:Glue:MaxWait"] = "00:20:00";
        var causes = Enumerable.Range(1, 12).Select(_ => RunTrace.ContextOf(Guid.NewGuid())).ToList();

        string stored;
        var spans = new List<Activity>();
        await using (var worker = await StartWorkerAsync(settings, spans))
        {
            var requester = worker.Services.GetRequiredService<Orchestrator.Scheduling.IRunRequester>();
            foreach (var cause in causes)
            {
                await requester.DatasetsChangedAsync(["sales"], cause, CancellationToken.None);
            }

            var scheduler = await worker.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
            var trigger = await scheduler.GetTrigger(Orchestrator.Jobs.GlueRuns.RunKeys.Debounce("sales"));
            stored = Assert.IsType<string>(trigger!.JobDataMap[Orchestrator.Jobs.GlueRuns.RunKeys.TraceParents]);
            worker.Services.GetRequiredService<TracerProvider>().ForceFlush();
        }

        // Each request is a span under its cause; the trigger keeps the requests' contexts (the run span's future links).
        // The first eight are kept however little the fire time moved; later ones only with a write that moved it by a
        // second or more (timing-dependent), in order.
        var requests = causes.Select(c => Assert.Single(spans, s => s.DisplayName == "orchestrator.glue.request" && s.ParentSpanId == c.SpanId))
            .Select(s => RunTrace.TraceParent(s.Context)).ToList();
        var kept = stored.Split(' ');
        Assert.Equal(requests.Take(8), kept.Take(8));
        Assert.InRange(kept.Length, 8, 12);
        Assert.Equal(kept.Distinct().Count(), kept.Length);
        Assert.All(kept, k => Assert.Contains(k, requests));
        Assert.Equal(kept, requests.Where(kept.Contains)); // in request order
    }

    private Task<InProcessWorker> StartWorkerAsync(Dictionary<string, string?> settings, List<Activity> spans) =>
        InProcessWorker.StartAsync(stack.Emulator.Sqs, settings, configure: builder =>
        {
            builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans));
            builder.Services.Configure<AwsClientOptions>(o =>
            {
                o.GlueEndpoint = stack.GlueUrl;
                o.AthenaEndpoint = stack.GlueUrl;
                o.Region = "us-east-1";
                o.Credentials = new BasicAWSCredentials("test", "test");
            });
            builder.Services.AddSingleton<IAmazonS3>(stack.Emulator.S3);
        });

    private static async Task<IReadOnlyList<GlueRun>> RunsAsync(string connection)
    {
        await using var store = RunStoreFactory.Create(StoreProvider.Sqlite, connection, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        return await store.ListAsync("sales", 100, CancellationToken.None);
    }
}
