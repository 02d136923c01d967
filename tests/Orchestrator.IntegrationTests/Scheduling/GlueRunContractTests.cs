using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.SQS.Model;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.Jobs.GlueRuns;
using Orchestrator.Jobs.Ledger;
using Orchestrator.Jobs.Runs;
using Orchestrator.Jobs.Storage;
using Orchestrator.Testing;
using Quartz;

namespace Orchestrator.IntegrationTests.Scheduling;

/// <summary>
/// Glue runs end to end on the local AWS (SQS/S3 emulator, Glue/Athena emulator running the local raw_to_curated) and a real
/// store, once per store: event-driven runs, coalescing, the start window, terminal states, crash recovery.
/// </summary>
public abstract class GlueRunContractTests(GlueStackFixture stack) : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("orchestrator-glue-").FullName;

    protected GlueStackFixture Stack => stack;

    protected abstract StoreProvider Provider { get; }

    protected string ConnectionString { get; private set; } = "";

    protected string LivenessFile => Path.Combine(directory, "alive");

    protected abstract Task<string> CreateStoreAsync(string directory);

    public async Task InitializeAsync() => ConnectionString = await CreateStoreAsync(directory);

    public virtual Task DisposeAsync()
    {
        Directory.Delete(directory, recursive: true);
        return Task.CompletedTask;
    }

    protected async Task<(Lake Lake, string Queue, Dictionary<string, string?> Settings)> SetUpAsync(double runSeconds = 1, string? outcome = null,
        IReadOnlyDictionary<string, string>? extraArguments = null)
    {
        var lake = await stack.CreateLakeAsync(runSeconds, outcome, extraArguments: extraArguments);
        var (queue, _) = await stack.Emulator.CreateQueueWithDlqAsync();
        return (lake, queue, GlueSettings.For(lake, queue, Provider.ToString(), ConnectionString, LivenessFile));
    }

    private protected Task<InProcessWorker> StartWorkerAsync(Dictionary<string, string?> settings, Action<Microsoft.Extensions.Hosting.HostApplicationBuilder>? configure = null) =>
        stack.StartWorkerAsync(settings, configure);

    protected async Task<IReadOnlyList<GlueRun>> RunsAsync()
    {
        await using var store = RunStoreFactory.Create(Provider, ConnectionString, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        return await store.ListAsync("sales", 1000, CancellationToken.None);
    }

    protected async Task<int> CountAsync(ObjectState state, Guid? runId)
    {
        await using var store = RunStoreFactory.Create(Provider, ConnectionString, TimeProvider.System);
        return await store.CountObjectsAsync("sales", state, runId, CancellationToken.None);
    }

    protected Task<IReadOnlyList<GlueRun>> RunsSettledAsync(int count, TimeSpan timeout) => Eventually.WaitForAsync(RunsAsync,
        runs => runs.Count >= count && runs.All(r => !r.IsActive), timeout, $"{count} finished runs");

    protected async Task NotifyAsync(string queue, IEnumerable<string> keys)
    {
        int n = 0;
        foreach (var chunk in keys.Chunk(10))
        {
            await stack.Emulator.Sqs.SendMessageBatchAsync(new SendMessageBatchRequest
            {
                QueueUrl = queue,
                Entries = chunk.Select(key => new SendMessageBatchRequestEntry($"m{n++}", S3Notifications.Created(GlueStackFixture.Bucket, key, S3Notifications.Sequencer(n)))).ToList(),
            });
        }
    }

    [Fact]
    public async Task New_objects_become_one_Glue_run_with_lineage_registered_partitions_and_a_queryable_result()
    {
        var (lake, queue, settings) = await SetUpAsync();
        var keys = new List<string>
        {
            await stack.UploadAsync(lake, 2024, 1, "a.csv", [(1, "alice", 10.5), (2, "bob", 20)]),
            await stack.UploadAsync(lake, 2024, 1, "b.csv", [(3, "alice", 4.5)]),
            await stack.UploadAsync(lake, 2024, 2, "c.csv", [(4, "carol", 7)]),
        };

        var spans = new List<System.Diagnostics.Activity>();
        await using (var worker = await StartWorkerAsync(settings, b => b.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans))))
        {
            await NotifyAsync(queue, keys);
            await RunsSettledAsync(1, TimeSpan.FromSeconds(60));
            worker.Services.GetRequiredService<OpenTelemetry.Trace.TracerProvider>().ForceFlush();
        }

        var run = Assert.Single(await RunsAsync());
        Assert.Equal(RunState.Succeeded, run.State);
        Assert.Equal(RunTrigger.Event, run.Trigger);
        var runSpan = Assert.Single(spans, s => s.DisplayName == "orchestrator.glue.run");
        Assert.Equal(run.JobRunId, runSpan.GetTagItem("orchestrator.glue.run_id"));
        Assert.Equal("SUCCEEDED", runSpan.GetTagItem("orchestrator.glue.state"));
        var receiveTraces = spans.Where(s => s.DisplayName.StartsWith("receive ", StringComparison.Ordinal)).Select(s => s.TraceId).ToHashSet();
        Assert.NotEmpty(runSpan.Links); // the run is linked to the notifications that caused it
        Assert.All(runSpan.Links, l => Assert.Contains(l.Context.TraceId, receiveTraces));
        Assert.Equal("SUCCEEDED", run.GlueState);
        Assert.NotNull(run.JobRunId);
        var glueRuns = await stack.JobRunsAsync(lake.Job);
        var glueRun = Assert.Single(glueRuns);
        Assert.Equal(run.JobRunId, (string?)glueRun["Id"]);
        Assert.Equal(run.RunId.ToString("D"), (string?)glueRun["Arguments"]![DatasetJob.RunIdArgument]);
        Assert.Equal("job-bookmark-enable", (string?)glueRun["Arguments"]!["--job-bookmark-option"]);
        Assert.Equal(3, await CountAsync(ObjectState.Processed, run.RunId));
        Assert.Equal(["2024/01", "2024/02"], await stack.PartitionsAsync(lake.Database, "raw_sales"));
        Assert.Equal(["2024/1", "2024/2"], await stack.PartitionsAsync(lake.Database, "my_table"));
        var rows = await stack.SelectAsync("SELECT name, SUM(amount) AS total_amount FROM my_table WHERE year = 2024 AND month = 1 GROUP BY name ORDER BY name", lake.Database);
        Assert.Equal([["alice", "15.0"], ["bob", "20.0"]], rows.Select(r => r.ToArray()));
    }

    [Fact]
    public async Task Raw_partitions_go_through_the_configured_Athena_DDL_and_a_known_partition_costs_nothing_on_the_next_run()
    {
        var (lake, queue, settings) = await SetUpAsync();
        settings["Orchestrator:Datasets:sales:RawTable:Registration"] = "AthenaDdl";
        var spans = new List<System.Diagnostics.Activity>();
        await using (var worker = await StartWorkerAsync(settings, b => b.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans))))
        {
            await NotifyAsync(queue, [await stack.UploadAsync(lake, 2024, 1, "a.csv", [(1, "alice", 1)]), await stack.UploadAsync(lake, 2024, 2, "b.csv", [(2, "bob", 2)])]);
            await RunsSettledAsync(1, TimeSpan.FromSeconds(60));
            await NotifyAsync(queue, [await stack.UploadAsync(lake, 2024, 1, "c.csv", [(3, "carol", 3)])]);
            await RunsSettledAsync(2, TimeSpan.FromSeconds(60));
            worker.Services.GetRequiredService<OpenTelemetry.Trace.TracerProvider>().ForceFlush();
        }

        Assert.All(await RunsAsync(), r => Assert.Equal(RunState.Succeeded, r.State));
        Assert.Equal(["2024/01", "2024/02"], await stack.PartitionsAsync(lake.Database, "raw_sales"));
        var raw = spans.Where(s => s.DisplayName == "orchestrator.partitions.register" && (string?)s.GetTagItem("orchestrator.partitions.kind") == "raw")
            .OrderBy(s => s.StartTimeUtc).ToList();
        // One raw batch only: the second run's object is in 2024/01, which the ledger knows is registered, so that run does
        // not even reach the registrar (with the ledger check gone it would, and a second span would be here).
        var first = Assert.Single(raw);
        Assert.Equal("AthenaDdl", first.GetTagItem("orchestrator.partitions.strategy"));
        Assert.Equal(2, first.GetTagItem("orchestrator.partitions.new"));
        var ddl = Assert.Single(spans, s => s.DisplayName == "athena.query partitions.ddl");
        Assert.Equal(first.SpanId, ddl.ParentSpanId);
        var output = spans.Where(s => s.DisplayName == "orchestrator.partitions.register" && (string?)s.GetTagItem("orchestrator.partitions.kind") == "output").ToList();
        Assert.NotEmpty(output);
        Assert.All(output, s => Assert.Equal("GlueApi", s.GetTagItem("orchestrator.partitions.strategy")));
    }

    [Fact]
    public async Task A_burst_of_notifications_inside_the_window_makes_one_run()
    {
        var (lake, queue, settings) = await SetUpAsync();
        settings["Orchestrator:Datasets:sales:Glue:Debounce"] = "00:00:03";
        await NotifyAsync(queue, Enumerable.Range(0, 2000).Select(i => $"{lake.RawPrefix}year=2024/month={(i % 12) + 1:D2}/part-{i}.csv"));

        await using (await StartWorkerAsync(settings))
        {
            await RunsSettledAsync(1, TimeSpan.FromSeconds(90));
            await Task.Delay(TimeSpan.FromSeconds(4)); // a second run, if any, would have been requested by now
        }

        var run = Assert.Single(await RunsAsync());
        Assert.Equal(RunTrigger.Event, run.Trigger);
        Assert.Single(await stack.JobRunsAsync(lake.Job));
        Assert.Equal(2000, await CountAsync(ObjectState.Processed, run.RunId));
        Assert.Equal(12, (await stack.PartitionsAsync(lake.Database, "raw_sales")).Count);
    }

    [Fact]
    public async Task Requests_during_a_run_coalesce_into_one_follow_up_and_runs_never_overlap()
    {
        var (lake, _, settings) = await SetUpAsync(runSeconds: 3);
        await using (var worker = await StartWorkerAsync(settings))
        {
            var requests = worker.Services.GetRequiredService<IRunScheduler>();
            await requests.RequestAsync("sales", RunTrigger.Manual, DateTimeOffset.UtcNow, 1, null, CancellationToken.None);
            await Eventually.WaitForAsync(RunsAsync, r => r.Any(x => x.State == RunState.Running), TimeSpan.FromSeconds(30), "a running run");
            for (int i = 0; i < 10; i++)
            {
                await requests.RequestAsync("sales", RunTrigger.Manual, DateTimeOffset.UtcNow, 1, null, CancellationToken.None);
            }

            await RunsSettledAsync(2, TimeSpan.FromSeconds(60));
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        var runs = (await RunsAsync()).OrderBy(r => r.RequestedAt).ToList();
        Assert.Equal(2, runs.Count);
        Assert.True(runs[0].FollowUpRequested);
        Assert.Equal(RunTrigger.FollowUp, runs[1].Trigger);
        Assert.All(runs, r => Assert.Equal(RunState.Succeeded, r.State));
        var glueRuns = (await stack.JobRunsAsync(lake.Job)).OrderBy(r => (double)r["StartedOn"]!).ToList();
        Assert.Equal(2, glueRuns.Count);
        Assert.True((double)glueRuns[0]["CompletedOn"]! <= (double)glueRuns[1]["StartedOn"]!, "the bookmarked job's runs overlapped");
    }

    [Fact]
    public async Task ConcurrentRunsExceeded_is_waited_out_and_the_run_starts_once()
    {
        var (lake, _, settings) = await SetUpAsync(runSeconds: 1);
        var external = await stack.Aws.GlueAsync("StartJobRun",
            new JsonObject { ["JobName"] = lake.Job, ["Arguments"] = new JsonObject { ["--local-run-seconds"] = "4" } }.ToJsonString());
        await using (var worker = await StartWorkerAsync(settings))
        {
            await worker.Services.GetRequiredService<IRunScheduler>().RequestAsync("sales", RunTrigger.Manual, DateTimeOffset.UtcNow, 1, null, CancellationToken.None);
            await RunsSettledAsync(1, TimeSpan.FromSeconds(60));
        }

        var run = Assert.Single(await RunsAsync());
        Assert.Equal(RunState.Succeeded, run.State);
        var glueRuns = await stack.JobRunsAsync(lake.Job);
        Assert.Equal(2, glueRuns.Count); // the external one and ours, never a third
        Assert.Contains(glueRuns, r => (string?)r["Id"] == (string?)external["JobRunId"]);
    }

    [Theory]
    [InlineData("FAILED")]
    [InlineData("ERROR")]
    public async Task A_failed_run_records_Glues_error_and_gives_its_objects_back(string outcome)
    {
        var (lake, queue, settings) = await SetUpAsync(outcome: outcome);
        string key = await stack.UploadAsync(lake, 2024, 3, "x.csv", [(1, "x", 1)]);
        await using (await StartWorkerAsync(settings))
        {
            await NotifyAsync(queue, [key]);
            await RunsSettledAsync(1, TimeSpan.FromSeconds(60));
        }

        var run = Assert.Single(await RunsAsync());
        Assert.Equal(RunState.Failed, run.State);
        Assert.Equal(outcome, run.GlueState);
        Assert.Contains($"injected {outcome}", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(ObjectState.Processed, run.RunId));
        Assert.Equal(0, await CountAsync(ObjectState.Registered, run.RunId)); // released for the next run
    }

    [Fact]
    public async Task A_stopped_run_is_a_failure_and_the_retry_policy_starts_it_again()
    {
        var (lake, _, settings) = await SetUpAsync(runSeconds: 5);
        settings["Orchestrator:Datasets:sales:Glue:RetryAttempts"] = "1";
        settings["Orchestrator:Datasets:sales:Glue:RetryBackoff"] = "00:00:01";
        await using (var worker = await StartWorkerAsync(settings))
        {
            await worker.Services.GetRequiredService<IRunScheduler>().RequestAsync("sales", RunTrigger.Manual, DateTimeOffset.UtcNow, 1, null, CancellationToken.None);
            var running = await Eventually.WaitForAsync(RunsAsync, r => r.Any(x => x is { State: RunState.Running, JobRunId: not null }),
                TimeSpan.FromSeconds(30), "a running run");
            await stack.Aws.GlueAsync("BatchStopJobRun", new JsonObject { ["JobName"] = lake.Job, ["JobRunIds"] = new JsonArray(running[0].JobRunId) }.ToJsonString());
            await RunsSettledAsync(2, TimeSpan.FromSeconds(60));
        }

        var runs = (await RunsAsync()).OrderBy(r => r.RequestedAt).ToList();
        Assert.Equal(2, runs.Count);
        Assert.Equal((RunState.Failed, "STOPPED"), (runs[0].State, runs[0].GlueState));
        Assert.Equal((RunTrigger.Retry, 2, RunState.Succeeded), (runs[1].Trigger, runs[1].Attempt, runs[1].State));
    }

    [Fact]
    public async Task A_worker_killed_during_a_run_is_replaced_and_the_run_reattached_without_a_second_start()
    {
        var (lake, _, settings) = await SetUpAsync(runSeconds: 6);
        var environment = GlueSettings.Environment(Stack);
        string sqs = Stack.Emulator.ServiceUrl.ToString();
        await using (var first = WorkerProcess.Start(settings, sqs, environment))
        {
            await Eventually.WaitForAsync(() => Task.FromResult(File.Exists(LivenessFile)), up => up, TimeSpan.FromSeconds(60), "the first worker polling");
            var (code, output) = await WorkerProcess.RunToEndAsync(settings, sqs, environment, "trigger", "sales");
            Assert.True(code == 0, output);
            await Eventually.WaitForAsync(RunsAsync, r => r.Any(x => x.State == RunState.Running), TimeSpan.FromSeconds(60), "a running run");
            first.KillHard();
            await first.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }

        await using (var second = WorkerProcess.Start(settings, sqs, environment))
        {
            await RunsSettledAsync(1, TimeSpan.FromSeconds(60));
            second.Terminate();
            Assert.Equal(0, await second.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        }

        var run = Assert.Single(await RunsAsync());
        Assert.Equal((RunTrigger.Manual, RunState.Succeeded), (run.Trigger, run.State));
        Assert.Single(await Stack.JobRunsAsync(lake.Job));
    }

    [Fact]
    public async Task Schedules_are_reconciled_added_changed_and_removed_and_an_unchanged_restart_rewrites_nothing()
    {
        var (_, _, settings) = await SetUpAsync();
        settings["Orchestrator:Datasets:sales:Glue:Schedules:0:Name"] = "nightly";
        settings["Orchestrator:Datasets:sales:Glue:Schedules:0:Cron"] = "0 0 3 * * ?";
        settings["Orchestrator:Datasets:sales:Glue:Schedules:1:Name"] = "weekly";
        settings["Orchestrator:Datasets:sales:Glue:Schedules:1:Cron"] = "0 0 4 ? * MON";
        async Task<Dictionary<string, (string Cron, string Zone, DateTimeOffset Start)>> TriggersAsync()
        {
            await using var worker = await StartWorkerAsync(settings);
            var scheduler = await worker.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
            var keys = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(RunKeys.CronGroup));
            var result = new Dictionary<string, (string, string, DateTimeOffset)>();
            foreach (var key in keys)
            {
                var trigger = (Quartz.ICronTrigger)(await scheduler.GetTrigger(key))!;
                result[key.Name] = (trigger.CronExpressionString!, trigger.TimeZone.Id, trigger.StartTimeUtc);
            }

            return result;
        }

        var first = await TriggersAsync();
        Assert.Equal(["sales/nightly", "sales/weekly"], first.Keys.Order());
        Assert.Equal("0 0 3 * * ?", first["sales/nightly"].Cron);

        var unchanged = await TriggersAsync();
        Assert.Equal(first, unchanged); // same start times: nothing was re-added, so nothing can fire twice

        settings["Orchestrator:Datasets:sales:Glue:Schedules:0:Cron"] = "0 30 2 * * ?";
        settings["Orchestrator:Datasets:sales:Glue:Schedules:0:TimeZone"] = "Europe/Berlin";
        settings["Orchestrator:Datasets:sales:Glue:Schedules:1:Name"] = "hourly";
        settings["Orchestrator:Datasets:sales:Glue:Schedules:1:Cron"] = "0 0 * * * ?";
        var changed = await TriggersAsync();
        Assert.Equal(["sales/hourly", "sales/nightly"], changed.Keys.Order());
        Assert.Equal(("0 30 2 * * ?", "Europe/Berlin"), (changed["sales/nightly"].Cron, changed["sales/nightly"].Zone));
    }

    [Fact]
    public async Task A_steady_trickle_still_runs_within_MaxWait()
    {
        var (lake, queue, settings) = await SetUpAsync();
        settings["Orchestrator:Datasets:sales:Glue:Debounce"] = "00:00:02";
        settings["Orchestrator:Datasets:sales:Glue:MaxWait"] = "00:00:04";
        DateTimeOffset first;
        DateTimeOffset last = default;
        await using (await StartWorkerAsync(settings))
        {
            first = DateTimeOffset.UtcNow;
            for (int i = 0; i < 9; i++)
            {
                await NotifyAsync(queue, [$"{lake.RawPrefix}year=2024/month=01/trickle-{i}.csv"]);
                last = DateTimeOffset.UtcNow;
                await Task.Delay(TimeSpan.FromSeconds(1));
            }

            await RunsSettledAsync(2, TimeSpan.FromSeconds(60));
        }

        var runs = (await RunsAsync()).OrderBy(r => r.RequestedAt).ToList();
        // Debounce alone would wait until two seconds after the last object (about ten seconds in); MaxWait fires at four.
        // (On a loaded machine a gap of over two seconds between notifications lets the debounce fire even earlier: also fine.)
        Assert.True((runs[0].RequestedAt - first).TotalSeconds <= 6, $"first run requested {(runs[0].RequestedAt - first).TotalSeconds:F1} s in");
        Assert.True(runs[0].RequestedAt < last, "the first run waited for the trickle to end: MaxWait was not honoured");
        Assert.True(runs.Count >= 2, "the objects after the first run's start need a run of their own");
    }

    [Fact]
    public async Task A_run_that_times_out_in_Glue_is_recorded_as_TIMEOUT()
    {
        var (_, _, settings) = await SetUpAsync(runSeconds: 10, extraArguments: new Dictionary<string, string> { ["--local-timeout-seconds"] = "1" });
        await using (var worker = await StartWorkerAsync(settings))
        {
            await worker.Services.GetRequiredService<IRunScheduler>().RequestAsync("sales", RunTrigger.Manual, DateTimeOffset.UtcNow, 1, null, CancellationToken.None);
            await RunsSettledAsync(1, TimeSpan.FromSeconds(60));
        }

        var run = Assert.Single(await RunsAsync());
        Assert.Equal((RunState.Failed, "TIMEOUT"), (run.State, run.GlueState));
    }

    [Fact]
    public async Task A_successful_run_requests_the_datasets_chained_after_it()
    {
        var (lake, _, settings) = await SetUpAsync();
        var next = await Stack.CreateLakeAsync();
        settings["Orchestrator:Datasets:sales:Glue:Then:0"] = "curated";
        settings["Orchestrator:Datasets:curated:Source:Bucket"] = GlueStackFixture.Bucket;
        settings["Orchestrator:Datasets:curated:Source:Prefix"] = next.RawPrefix;
        settings["Orchestrator:Datasets:curated:Glue:Job"] = next.Job;
        settings["Orchestrator:Datasets:curated:Glue:MinPollInterval"] = "00:00:00.2";
        settings["Orchestrator:Datasets:curated:Glue:MaxPollInterval"] = "00:00:00.5";
        await using (var worker = await StartWorkerAsync(settings))
        {
            await worker.Services.GetRequiredService<IRunScheduler>().RequestAsync("sales", RunTrigger.Manual, DateTimeOffset.UtcNow, 1, null, CancellationToken.None);
            await Eventually.WaitForAsync(() => Stack.JobRunsAsync(next.Job), r => r.Count == 1 && (string?)r[0]["JobRunState"] == "SUCCEEDED",
                TimeSpan.FromSeconds(60), "the chained job's run");
        }

        Assert.Single(await Stack.JobRunsAsync(lake.Job));
        await using var store = RunStoreFactory.Create(Provider, ConnectionString, TimeProvider.System);
        var chained = Assert.Single(await store.ListAsync("curated", 10, CancellationToken.None));
        Assert.Equal((RunTrigger.Chained, RunState.Succeeded), (chained.Trigger, chained.State));
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 1)]
    public async Task Removals_are_recorded_and_request_a_run_only_when_configured(bool runOnRemovals, int expectedRuns)
    {
        var (lake, queue, settings) = await SetUpAsync();
        settings["Orchestrator:Datasets:sales:Glue:RunOnRemovals"] = runOnRemovals ? "true" : "false";
        string key = $"{lake.RawPrefix}year=2024/month=01/gone.csv";
        await using (await StartWorkerAsync(settings))
        {
            await Stack.Emulator.Sqs.SendMessageAsync(queue,
                S3Notifications.Created(GlueStackFixture.Bucket, key, S3Notifications.Sequencer(1)).Replace("ObjectCreated:Put", "ObjectRemoved:Delete", StringComparison.Ordinal));
            await Eventually.WaitForAsync(() => CountAsync(ObjectState.Removed, null), n => n == 1, TimeSpan.FromSeconds(30), "the removal in the ledger");
            await Task.Delay(TimeSpan.FromSeconds(3)); // past the debounce window
            if (expectedRuns > 0)
            {
                await RunsSettledAsync(expectedRuns, TimeSpan.FromSeconds(60));
            }
        }

        Assert.Equal(expectedRuns, (await RunsAsync()).Count);
    }
}
