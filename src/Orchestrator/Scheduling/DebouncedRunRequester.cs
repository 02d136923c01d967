using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using Orchestrator.Configuration;
using Orchestrator.Jobs.GlueRuns;
using Orchestrator.Jobs.Ledger;
using Orchestrator.Jobs.Runs;
using Orchestrator.Jobs.Tracing;
using Quartz;

namespace Orchestrator.Scheduling;

/// <summary>
/// One Quartz trigger per dataset (<c>orchestrator.debounce/&lt;dataset&gt;</c>) stands for "this dataset has new data".
/// Each new batch moves it to <c>now + Debounce</c>, but never past <c>first request + MaxWait</c>, so a steady trickle
/// still runs; when <c>MaxBatch</c> objects are pending it fires at once. Ten thousand notifications inside one window
/// therefore make one run. The trigger lives in Quartz's persistent store, so it survives restarts and is shared by a cluster.
/// </summary>
internal sealed class DebouncedRunRequester(
    ISchedulerFactory schedulers,
    DatasetJobs jobs,
    IRunStore runs,
    IOptions<OrchestratorOptions> options,
    TimeProvider time) : IRunRequester
{
    /// <summary>A reschedule that moves the fire time by less than this is skipped: it would only cost a store write.</summary>
    private static readonly TimeSpan Granularity = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Causes (span links) recorded even when the fire time barely moves: the first batches of a window are always linked
    /// from the run, at the cost of at most this many extra Quartz writes per window. After that a batch's link is kept
    /// only with a write that moves the fire time anyway (about one a second in a burst), up to RunTrace.MaxLinks.
    /// </summary>
    private const int AlwaysRecordedCauses = 8;

    /// <summary>
    /// One request at a time per dataset in this process. A request reads the trigger, then replaces it. Two batch
    /// handlers that interleave would each write what they read plus their own cause, and the later write would drop the
    /// other's cause. Across tasks of a cluster the same race remains: it can cost a link, never a run, because both writes
    /// fire.
    /// </summary>
    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.Ordinal);

    public async Task DatasetsChangedAsync(IReadOnlyCollection<string> datasets, ActivityContext cause, CancellationToken cancellationToken)
    {
        foreach (string dataset in datasets)
        {
            if (jobs.Find(dataset) is not null)
            {
                // One span per request, child of the batch's ledger write: the run's span links to it, which is what
                // connects each object's trace to the run that processed it.
                using var request = GlueRunTelemetry.StartRunRequest(dataset, cause);
                await RequestAsync(dataset, options.Value.Datasets[dataset].Glue, request?.Context ?? cause, cancellationToken);
            }
        }
    }

    private async Task RequestAsync(string dataset, GlueJobOptions glue, ActivityContext cause, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        // Most requests of a burst change nothing: decided without the gate. A write is decided again under it, on a fresh
        // read, so that concurrent handlers never overwrite each other's causes.
        if (await PlanAsync(scheduler, dataset, glue, cause, cancellationToken) is null)
        {
            return;
        }

        var gate = gates.GetOrAdd(dataset, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (await PlanAsync(scheduler, dataset, glue, cause, cancellationToken) is { } plan)
            {
                await scheduler.ScheduleJob(plan.Trigger, ScheduleJobOptions.Replacing, cancellationToken);
                Activity.Current?.SetTag("orchestrator.glue.fire_at", plan.Due.ToString("O", CultureInfo.InvariantCulture));
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The debounce trigger to write for this request, or null when the current one already serves it.</summary>
    private async Task<(ITrigger Trigger, DateTimeOffset Due)?> PlanAsync(IScheduler scheduler, string dataset, GlueJobOptions glue,
        ActivityContext cause, CancellationToken cancellationToken)
    {
        var key = RunKeys.Debounce(dataset);
        var existing = await scheduler.GetTrigger(key, cancellationToken);
        var now = time.GetUtcNow();
        var first = existing?.JobDataMap.GetString(RunKeys.FirstRequestAt) is { } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : now;
        var due = Min(now + glue.Debounce, first + glue.MaxWait);
        if (await runs.CountObjectsAsync(dataset, ObjectState.Pending, null, cancellationToken) >= glue.MaxBatch)
        {
            due = now;
        }

        string? known = existing?.JobDataMap.GetString(RunKeys.TraceParents);
        string? parents = RunTrace.Append(known, cause);
        // A reschedule that barely moves the fire time is skipped (a store write saved) unless it records one of the first
        // causes of the window. A burst of ingestion must not turn into a burst of scheduler writes.
        bool newEarlyCause = parents != known && RunTrace.Links(parents).Count <= AlwaysRecordedCauses;
        // Skipping is safe only while the trigger can fire. A trigger stored while another node held its dataset's job (an
        // acquired or executing step: Quartz's DisallowConcurrentExecution) is stored BLOCKED, and if nothing unblocks it
        // the same fire time would be skipped forever — new data, no run. Storing it again recomputes its state.
        if (existing?.NextFireTimeUtc is { } current && (current - due).Duration() < Granularity && !newEarlyCause
            && await scheduler.GetTriggerState(key, cancellationToken) == TriggerState.Normal)
        {
            return null;
        }

        var trigger = TriggerBuilder.Create()
            .WithIdentity(key)
            .ForJob(RunKeys.Job(dataset))
            .UsingJobData(new JobDataMap
            {
                [RunKeys.Action] = RunKeys.Request,
                [RunKeys.Trigger] = nameof(RunTrigger.Event),
                [RunKeys.Attempt] = "1",
                [RunKeys.FirstRequestAt] = first.ToString("O", CultureInfo.InvariantCulture),
                [RunKeys.TraceParents] = parents ?? "",
            })
            .StartAt(due)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        return (trigger, due);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
