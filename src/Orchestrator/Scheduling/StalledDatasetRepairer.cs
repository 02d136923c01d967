using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Orchestrator.Jobs.GlueRuns;
using Orchestrator.Jobs.Ledger;
using Orchestrator.Jobs.Runs;
using Quartz;

namespace Orchestrator.Scheduling;

/// <summary>
/// The safety net for "new data, no run": a dataset with pending objects, no active run, and a debounce trigger that is
/// missing or cannot fire (Blocked with nothing left to unblock it, or Error) is requested again through the debouncer,
/// which stores the trigger afresh. Found by the crash run (docs/reliability.md): three workers, SIGKILLs, and twice in
/// about twenty-five runs every object recorded but no run requested for minutes. Runs every minute with the reattach sweep.
/// </summary>
internal sealed class StalledDatasetRepairer(ISchedulerFactory schedulers, DatasetJobs jobs, IRunStore runs, IRunRequester requester,
    ILogger<StalledDatasetRepairer> logger)
{
    public async Task RepairAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var active = (await runs.ListActiveAsync(cancellationToken)).Select(r => r.Dataset).ToHashSet(StringComparer.Ordinal);
        foreach (var job in jobs.All)
        {
            if (active.Contains(job.Name)) // its pending objects wait for the active run's follow-up
            {
                continue;
            }

            var key = RunKeys.Debounce(job.Name);
            var state = await scheduler.GetTriggerState(key, cancellationToken);
            if (state == TriggerState.Normal || state == TriggerState.Paused)
            {
                continue;
            }

            int pending = await runs.CountObjectsAsync(job.Name, ObjectState.Pending, null, cancellationToken);
            if (pending > 0)
            {
                Log.StalledDataset(logger, job.Name, pending, state.ToString());
                await requester.DatasetsChangedAsync([job.Name], default(ActivityContext), cancellationToken);
            }
        }
    }
}
