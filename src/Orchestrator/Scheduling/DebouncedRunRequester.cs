using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using Orchestrator.Configuration;
using Orchestrator.Jobs.GlueRuns;
using Orchestrator.Jobs.Ledger;
using Orchestrator.Jobs.Runs;
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
    /// <summary>Span links kept per run request; more would say nothing more to an operator.</summary>
    private const int MaxLinks = 16;

    /// <summary>A reschedule that moves the fire time by less than this is skipped: it would only cost a store write.</summary>
    private static readonly TimeSpan Granularity = TimeSpan.FromSeconds(1);

    public async Task DatasetsChangedAsync(IReadOnlyCollection<string> datasets, ActivityContext cause, CancellationToken cancellationToken)
    {
        foreach (string dataset in datasets)
        {
            if (jobs.Find(dataset) is not null)
            {
                await RequestAsync(dataset, options.Value.Datasets[dataset].Glue, cause, cancellationToken);
            }
        }
    }

    private async Task RequestAsync(string dataset, GlueJobOptions glue, ActivityContext cause, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
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

        // Skipping is safe only while the trigger can fire. A trigger stored while another node held its dataset's job (an
        // acquired or executing step: Quartz's DisallowConcurrentExecution) is stored BLOCKED, and if nothing unblocks it
        // the same fire time would be skipped forever — new data, no run. Storing it again recomputes its state.
        if (existing?.NextFireTimeUtc is { } current && (current - due).Duration() < Granularity
            && await scheduler.GetTriggerState(key, cancellationToken) == TriggerState.Normal)
        {
            return;
        }

        var parents = (existing?.JobDataMap.GetString(RunKeys.TraceParents) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (cause != default && parents.Count < MaxLinks)
        {
            parents.Add($"00-{cause.TraceId}-{cause.SpanId}-{(cause.TraceFlags.HasFlag(ActivityTraceFlags.Recorded) ? "01" : "00")}");
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
                [RunKeys.TraceParents] = string.Join(' ', parents),
            })
            .StartAt(due)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(trigger, ScheduleJobOptions.Replacing, cancellationToken);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
