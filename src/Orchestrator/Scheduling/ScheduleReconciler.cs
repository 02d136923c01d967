using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestrator.Configuration;
using Orchestrator.Jobs.GlueRuns;
using Orchestrator.Jobs.Runs;
using Quartz;

namespace Orchestrator.Scheduling;

/// <summary>
/// At start-up, before Quartz fires anything, makes the jobs and cron triggers in the store match the configuration:
/// missing ones are added, changed ones (cron, time zone, misfire policy) replaced, ones the configuration no longer names
/// removed. A trigger is written only when its configuration hash differs, so restarting — or several tasks starting at the
/// same moment — changes nothing and causes no extra fire (blindly re-adding a trigger does). Then every active run without
/// a pending step gets one, so runs in progress are picked up again after a restart.
/// </summary>
internal sealed class ScheduleReconciler(
    ISchedulerFactory schedulers,
    DatasetJobs jobs,
    IRunStore runs,
    RunReattacher reattacher,
    IOptions<OrchestratorOptions> options,
    ILogger<ScheduleReconciler> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await runs.InitializeAsync(cancellationToken);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var active = await runs.ListActiveAsync(cancellationToken);
        await ReconcileJobsAsync(scheduler, active, cancellationToken);
        var (added, changed, removed, unchanged) = await ReconcileCronAsync(scheduler, cancellationToken);
        Log.Reconciled(logger, added, changed, removed, unchanged, jobs.All.Count);
        await reattacher.ReattachAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ReconcileJobsAsync(IScheduler scheduler, IReadOnlyList<GlueRun> active, CancellationToken cancellationToken)
    {
        var existing = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(RunKeys.JobGroup), cancellationToken);
        foreach (var job in jobs.All)
        {
            if (!existing.Contains(RunKeys.Job(job.Name)))
            {
                var detail = JobBuilder.Create<GlueRunJob>()
                    .WithIdentity(RunKeys.Job(job.Name))
                    .WithDescription($"Glue job {job.JobName} for dataset {job.Name}")
                    .StoreDurably()
                    .RequestRecovery()
                    .Build();
                await scheduler.AddJob(detail, AddJobOptions.Replacing, cancellationToken);
            }
        }

        foreach (var key in existing.Where(k => jobs.Find(k.Name) is null))
        {
            if (active.FirstOrDefault(r => r.Dataset == key.Name) is { } run)
            {
                Log.KeptForActiveRun(logger, key.Name, run.RunId);
                continue;
            }

            await scheduler.DeleteJob(key, cancellationToken);
        }
    }

    private async Task<(int Added, int Changed, int Removed, int Unchanged)> ReconcileCronAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        int added = 0, changed = 0, unchanged = 0;
        var desired = new HashSet<TriggerKey>();
        foreach (var job in jobs.All)
        {
            foreach (var schedule in options.Value.Datasets[job.Name].Glue.Schedules)
            {
                var trigger = CronTrigger(job.Name, schedule);
                desired.Add(trigger.Key);
                var current = await scheduler.GetTrigger(trigger.Key, cancellationToken);
                if (current is null)
                {
                    try
                    {
                        await scheduler.ScheduleJob(trigger, default(ScheduleJobOptions), cancellationToken);
                        added++;
                    }
                    catch (ObjectAlreadyExistsException)
                    {
                        unchanged++; // another task added the same trigger a moment ago
                    }
                }
                else if (current.JobDataMap.GetString(RunKeys.ConfigHash) != trigger.JobDataMap.GetString(RunKeys.ConfigHash))
                {
                    await scheduler.RescheduleJob(trigger.Key, trigger, cancellationToken);
                    changed++;
                }
                else
                {
                    unchanged++;
                }
            }
        }

        var stale = (await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(RunKeys.CronGroup), cancellationToken))
            .Where(k => !desired.Contains(k))
            .ToList();
        foreach (var key in stale)
        {
            await scheduler.UnscheduleJob(key, cancellationToken);
        }

        return (added, changed, stale.Count, unchanged);
    }

    internal static ITrigger CronTrigger(string dataset, ScheduleOptions schedule)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone);
        bool skipMisfires = schedule.Misfire.Equals("Skip", StringComparison.OrdinalIgnoreCase);
        return TriggerBuilder.Create()
            .WithIdentity(RunKeys.Cron(dataset, schedule.Name))
            .ForJob(RunKeys.Job(dataset))
            .UsingJobData(new JobDataMap
            {
                [RunKeys.Action] = RunKeys.Request,
                [RunKeys.Trigger] = nameof(RunTrigger.Schedule),
                [RunKeys.Attempt] = "1",
                [RunKeys.ConfigHash] = Hash(schedule.Cron, zone.Id, skipMisfires ? "skip" : "fire-once"),
            })
            .WithCronSchedule(schedule.Cron, c => c.InTimeZone(zone)
                .WithMisfireInstruction(skipMisfires ? CronTriggerMisfireInstruction.DoNothing : CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
    }

    /// <summary>The configuration hash a reconciled trigger carries: 16 hex digits of SHA-256 over the parts.</summary>
    internal static string Hash(params string[] parts) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))))[..16].ToLower(CultureInfo.InvariantCulture);
}
