using System.Diagnostics;
using Amazon.SQS.Model;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.IntegrationTests.Scheduling;
using Orchestrator.Jobs.Runs;
using Orchestrator.Jobs.Storage;
using Orchestrator.Jobs.Tracing;
using Orchestrator.Testing;
using Quartz;

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
    private int _rawRegistrations;

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
        // The journey's last step: a maintenance task on the curated table, fired by hand below once the runs are done (its
        // cron is far in the future so it never fires on its own).
        settings["Orchestrator:Datasets:sales:Maintenance:0:Name"] = "rows";
        settings["Orchestrator:Datasets:sales:Maintenance:0:Kind"] = "Check";
        settings["Orchestrator:Datasets:sales:Maintenance:0:Cron"] = "0 0 3 1 1 ? 2099";
        settings["Orchestrator:Datasets:sales:Maintenance:0:Sql"] = "SELECT count(*) FROM {table}";
        settings["Orchestrator:Datasets:sales:Maintenance:0:Expect"] = "> 0";
        var keys = new List<string>
        {
            await stack.UploadAsync(lake, 2024, 1, "a.csv", [(1, "alice", 10.5)]),
            await stack.UploadAsync(lake, 2024, 1, "b.csv", [(2, "bob", 20)]),
            await stack.UploadAsync(lake, 2024, 2, "c.csv", [(3, "carol", 7)]),
        };

        var spans = new List<Activity>();
        await using (var worker = await StartWorkerAsync(settings, spans))
        {
            int n = 0;
            foreach (string key in keys)
            {
                // One message each, as S3 sends them; they may arrive in one receive batch or several, and on a slow
                // machine even straddle two runs (a run, then its follow-up): each object is checked against its own run.
                await stack.Emulator.Sqs.SendMessageAsync(new SendMessageRequest(queue,
                    S3Notifications.Created(GlueStackFixture.Bucket, key, S3Notifications.Sequencer(++n))));
            }

            // Quiet: every object processed, no run active, and nothing left to fire for the dataset's job (a debounce trigger
            // or a follow-up), so every run the requests caused has been recorded.
            var scheduler = await worker.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
            await Eventually.WaitForAsync(async () => (await LineageAsync(connection, keys), await RunsAsync(connection),
                    await PendingTriggersAsync(scheduler, Orchestrator.Jobs.GlueRuns.RunKeys.Job("sales"))),
                r => r.Item1.Count == keys.Count && r.Item2.All(x => !x.IsActive) && r.Item3 == 0 && r.Item2.All(x => RunSpanExported(spans, x)),
                TimeSpan.FromSeconds(90), "every object processed and every run's span exported");
            // As the task's cron trigger would (the trigger carries which task it is), only now.
            await scheduler.TriggerJob(Orchestrator.Jobs.Maintenance.MaintenanceKeys.Job("sales", "rows"), new JobDataMap
            {
                [Orchestrator.Jobs.Maintenance.MaintenanceKeys.Dataset] = "sales",
                [Orchestrator.Jobs.Maintenance.MaintenanceKeys.Task] = "rows",
            });
            await Eventually.WaitForAsync(() => Task.FromResult(Exported(spans, "orchestrator.maintenance check")), found => found,
                TimeSpan.FromSeconds(60), "the maintenance task's span exported");
            worker.Services.GetRequiredService<TracerProvider>().ForceFlush();
        }

        // The worker's tracer provider is gone: nothing is added any more. Other tests' spans may be here too (the
        // ActivitySources are process-wide); everything below is found by trace id or object key.
        var captured = spans;
        var lineage = await LineageAsync(connection, keys); // key → the run that processed it
        var runs = await RunsAsync(connection);
        Assert.All(runs, r => Assert.Equal(RunState.Succeeded, r.State));
        // Every run that processed objects has the full shape; any other run (one requested by a batch whose objects the
        // run before it had already taken) is still a root span with the derived context.
        var runSpans = runs.ToDictionary(r => r.RunId, r => lineage.ContainsValue(r.RunId)
            ? AssertRunTrace(captured, r)
            : Assert.Single(captured, s => s.DisplayName == "orchestrator.glue.run" && s.TraceId == RunTrace.ContextOf(r.RunId).TraceId));
        Assert.True(_rawRegistrations >= 1, "no run registered the objects' raw partitions under its start step");

        // Each object's trace: receive (root) → process batch → the object's message; the batch's ledger write → the run
        // request; and the span of the run that processed the object links to that request.
        var requestsOfObjects = new HashSet<(ActivityTraceId, ActivitySpanId)>();
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
            requestsOfObjects.Add((request.TraceId, request.SpanId));
            // Exactly one run links to the request: the one it caused. That is the run that processed the object, or — when the
            // request came just after the run before had taken the object (ledger commit, then run request) — the next one.
            var linking = runs.Where(r => runSpans[r.RunId].Links.Any(l => l.Context.TraceId == request.TraceId && l.Context.SpanId == request.SpanId)).ToList();
            Assert.True(linking.Count == 1, $"{key}: request {RunTrace.TraceParent(request.Context)} is linked from {linking.Count} runs; runs: "
                + string.Join(" | ", runs.Select(r => $"{r.RunId} {r.Trigger} requested {r.RequestedAt:HH:mm:ss.fff} causes [{r.TraceParents}] follow-up [{r.FollowUpTraceParents}]"))
                + $"; request at {request.StartTimeUtc:HH:mm:ss.fff} fire_at {request.GetTagItem("orchestrator.glue.fire_at")}");
            var linker = linking[0];
            var processor = runs.Single(r => r.RunId == lineage[key]);
            Assert.True(linker.RunId == processor.RunId || linker.RequestedAt >= processor.RequestedAt,
                $"{key}: processed by run {processor.RunId}, but linked from the earlier run {linker.RunId}");
        }

        // Maintenance: its own root (a cron fire is part of no run), linked to the dataset's finished runs, parent of its query.
        var maintenance = Assert.Single(captured, s => s.DisplayName == "orchestrator.maintenance check" && (string?)s.GetTagItem("orchestrator.maintenance.task") == "rows");
        Assert.Equal(default, maintenance.ParentSpanId);
        Assert.Equal("succeeded", maintenance.GetTagItem("orchestrator.maintenance.outcome"));
        var maintained = maintenance.Links.Select(l => (l.Context.TraceId, l.Context.SpanId)).ToHashSet();
        Assert.Equal(runs.Select(r => RunTrace.ContextOf(r.RunId)).Select(c => (c.TraceId, c.SpanId)).ToHashSet(), maintained);
        var query = Assert.Single(captured, s => s.DisplayName == "athena.query maintenance.check" && s.TraceId == maintenance.TraceId);
        Assert.Equal(maintenance.SpanId, query.ParentSpanId);
        Assert.Equal("SUCCEEDED", query.GetTagItem("athena.state"));

        // No stray causes: a run links to our objects' requests, or (a follow-up) to the run before it.
        var runContexts = runs.Select(r => RunTrace.ContextOf(r.RunId)).Select(c => (c.TraceId, c.SpanId)).ToHashSet();
        Assert.All(runSpans.Values.SelectMany(s => s.Links), l =>
            Assert.True(requestsOfObjects.Contains((l.Context.TraceId, l.Context.SpanId)) || runContexts.Contains((l.Context.TraceId, l.Context.SpanId))));
    }

    /// <summary>
    /// A run's trace: one root span with the context derived from the run id; its steps are its children; the start step
    /// registers the raw partitions and calls StartJobRun; every poll is a step with its GetJobRun; the last one registers
    /// the output partitions. Returns the run span.
    /// </summary>
    private Activity AssertRunTrace(List<Activity> captured, GlueRun run)
    {
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

        // Raw partitions are registered by the run that first sees them; a later run whose partitions the ledger already
        // marks registered makes no registration at all (docs/partitions.md), so the span is there at most once.
        var raw = runTrace.SingleOrDefault(s => s.DisplayName == "orchestrator.partitions.register" && (string?)s.GetTagItem("orchestrator.partitions.kind") == "raw");
        if (raw is not null)
        {
            Assert.Equal(start.SpanId, raw.ParentSpanId);
            Assert.InRange((int)raw.GetTagItem("orchestrator.partitions.count")!, 1, 2);
            Assert.Contains(runTrace, s => s.DisplayName == "Glue.BatchCreatePartition" && s.ParentSpanId == raw.SpanId);
            Interlocked.Increment(ref _rawRegistrations);
        }

        var startJobRun = Assert.Single(runTrace, s => s.DisplayName == "Glue.StartJobRun");
        Assert.Equal(start.SpanId, startJobRun.ParentSpanId);

        var pollIds = polls.Select(p => p.SpanId).ToHashSet();
        var getJobRuns = runTrace.Where(s => s.DisplayName == "Glue.GetJobRun").ToList();
        Assert.NotEmpty(getJobRuns);
        Assert.All(getJobRuns, g => Assert.Contains(g.ParentSpanId, pollIds));
        var output = Assert.Single(runTrace, s => s.DisplayName == "orchestrator.partitions.register" && (string?)s.GetTagItem("orchestrator.partitions.kind") == "output");
        Assert.Contains(output.ParentSpanId, pollIds);
        return runSpan;
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
        stack.StartWorkerAsync(settings, builder => builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans)));

    private static bool Exported(List<Activity> spans, string name)
    {
        try
        {
            return spans.ToArray().Any(s => s is not null && s.DisplayName == name);
        }
        catch (ArgumentException)
        {
            return false; // the exporter was adding meanwhile
        }
    }

    /// <summary>Whether the run's span has been exported (the in-memory exporter adds it when the run span ends).</summary>
    private static bool RunSpanExported(List<Activity> spans, GlueRun run)
    {
        var traceId = RunTrace.ContextOf(run.RunId).TraceId;
        Activity[] exported;
        try
        {
            exported = spans.ToArray(); // the exporter may be adding meanwhile
        }
        catch (ArgumentException)
        {
            return false;
        }

        return exported.Any(s => s is not null && s.TraceId == traceId && s.DisplayName == "orchestrator.glue.run");
    }

    private static async Task<int> PendingTriggersAsync(Quartz.IScheduler scheduler, Quartz.JobKey job)
    {
        int pending = 0;
        foreach (var key in await scheduler.GetTriggerKeys(GroupMatcher<Quartz.TriggerKey>.AnyGroup()))
        {
            if ((await scheduler.GetTrigger(key))?.JobKey.Equals(job) == true)
            {
                pending++;
            }
        }

        return pending;
    }

    /// <summary>Lineage from the ledger: the run each of these keys was processed by (processed ones only).</summary>
    private static async Task<Dictionary<string, Guid>> LineageAsync(string connection, IReadOnlyCollection<string> keys)
    {
        await using var db = new Microsoft.Data.Sqlite.SqliteConnection(connection);
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT key, run_id FROM ledger_objects WHERE state = 'Processed' AND run_id IS NOT NULL;";
        var lineage = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (keys.Contains(reader.GetString(0)))
            {
                lineage[reader.GetString(0)] = Guid.Parse(reader.GetString(1));
            }
        }

        return lineage;
    }

    private static async Task<IReadOnlyList<GlueRun>> RunsAsync(string connection)
    {
        await using var store = RunStoreFactory.Create(StoreProvider.Sqlite, connection, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        return await store.ListAsync("sales", 100, CancellationToken.None);
    }
}
