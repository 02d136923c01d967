using Microsoft.Extensions.Logging;
using Orchestrator.Jobs.GlueRuns;
using Orchestrator.Jobs.Runs;
using Quartz;

namespace Orchestrator.Scheduling;

/// <summary>
/// Gives every active run that has no pending step a step now. Normally every step schedules the next one; this covers the
/// gaps: a crash between two steps, a step that could not be stored because the scheduler was shutting down or the store
/// was unreachable. Runs at start-up and then every minute (<see cref="RunReattachService"/>). A duplicate step is harmless:
/// steps are idempotent and serialized per dataset.
/// </summary>
internal sealed class RunReattacher(ISchedulerFactory schedulers, DatasetJobs jobs, IRunStore runs, IRunScheduler runScheduler, TimeProvider time,
    ILogger<RunReattacher> logger)
{
    public async Task ReattachAsync(CancellationToken cancellationToken)
    {
        var active = await runs.ListActiveAsync(cancellationToken);
        if (active.Count == 0)
        {
            return;
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var steps = new List<string>();
        foreach (var key in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(RunKeys.StepGroup), cancellationToken))
        {
            // A step in Error (its firing failed in the store) or already Complete will never fire: it does not count as
            // pending, and an Error one is removed so that it stops hiding its run from this check.
            var state = await scheduler.GetTriggerState(key, cancellationToken);
            if (state == TriggerState.Error)
            {
                await scheduler.UnscheduleJob(key, cancellationToken);
            }

            if (state is not (TriggerState.Error or TriggerState.Complete or TriggerState.None))
            {
                steps.Add(key.Name);
            }
        }
        foreach (var run in active)
        {
            string marker = $"/{run.RunId:N}/";
            if (jobs.Find(run.Dataset) is { } job && !steps.Any(s => s.Contains(marker, StringComparison.Ordinal)))
            {
                Log.Reattached(logger, run.RunId, run.Dataset);
                await runScheduler.AdvanceAsync(run.Dataset, run.RunId, time.GetUtcNow(), job.MinPollInterval, cancellationToken);
            }
        }
    }
}
