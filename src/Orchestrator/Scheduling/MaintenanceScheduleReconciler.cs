using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestrator.Configuration;
using Orchestrator.Jobs.Maintenance;
using Quartz;

namespace Orchestrator.Scheduling;

/// <summary>
/// At start-up, before Quartz fires anything, makes the maintenance jobs and their cron triggers match the configuration, as
/// <see cref="ScheduleReconciler"/> does for Glue schedules: added when missing, replaced when the configuration hash (cron,
/// time zone, misfire policy) differs, removed when no longer configured. An unchanged restart writes nothing, so it causes no
/// extra fire. A cron with no fire time left (a past one-off date) is not added again. The task's SQL and parameters are read
/// from the configuration when it fires, so changing them needs no Quartz change.
/// </summary>
internal sealed partial class MaintenanceScheduleReconciler(
    ISchedulerFactory schedulers,
    MaintenanceTasks tasks,
    IOptions<OrchestratorOptions> options,
    TimeProvider time,
    ILogger<MaintenanceScheduleReconciler> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        int added = 0, changed = 0, unchanged = 0, expired = 0;
        var desired = new HashSet<JobKey>();
        foreach (var task in tasks.All)
        {
            var configured = options.Value.Datasets[task.Dataset].Maintenance.Single(m => m.Name == task.Name);
            var jobKey = MaintenanceKeys.Job(task.Dataset, task.Name);
            desired.Add(jobKey);
            if (!await scheduler.Exists(jobKey, cancellationToken))
            {
                var job = JobBuilder.Create<MaintenanceJob>()
                    .WithIdentity(jobKey)
                    .WithDescription($"{task.Kind} maintenance of {task.Table.Database}.{task.Table.Table} for dataset {task.Dataset}")
                    .StoreDurably()
                    .RequestRecovery()
                    .Build();
                await scheduler.AddJob(job, AddJobOptions.Replacing, cancellationToken);
            }

            var trigger = CronTrigger(task, configured);
            var current = await scheduler.GetTrigger(trigger.Key, cancellationToken);
            if (current is not null && current.JobDataMap.GetString(MaintenanceKeys.ConfigHash) == trigger.JobDataMap.GetString(MaintenanceKeys.ConfigHash))
            {
                unchanged++;
                continue;
            }

            if (trigger.GetFireTimeAfter(time.GetUtcNow()) is null)
            {
                expired++; // a one-off date in the past: Quartz refuses a trigger that never fires
                LogExpired(logger, task.Dataset, task.Name, configured.Cron);
                continue;
            }

            try
            {
                if (current is null)
                {
                    await scheduler.ScheduleJob(trigger, default(ScheduleJobOptions), cancellationToken);
                    added++;
                }
                else
                {
                    await scheduler.RescheduleJob(trigger.Key, trigger, cancellationToken);
                    changed++;
                }
            }
            catch (ObjectAlreadyExistsException)
            {
                unchanged++; // another task added the same trigger a moment ago
            }
        }

        var stale = (await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(MaintenanceKeys.JobGroup), cancellationToken))
            .Where(k => !desired.Contains(k))
            .ToList();
        foreach (var key in stale)
        {
            await scheduler.DeleteJob(key, cancellationToken); // its cron trigger goes with it
        }

        LogReconciled(logger, added, changed, stale.Count, unchanged, expired, tasks.All.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal static ITrigger CronTrigger(MaintenanceTask task, MaintenanceTaskOptions configured)
    {
        bool skip = ScheduleRules.IsSkip(configured.Misfire);
        return TriggerBuilder.Create()
            .WithIdentity(MaintenanceKeys.Cron(task.Dataset, task.Name))
            .ForJob(MaintenanceKeys.Job(task.Dataset, task.Name))
            .WithDescription($"{task.Kind} {task.Table.Database}.{task.Table.Table}")
            .UsingJobData(new JobDataMap
            {
                [MaintenanceKeys.Dataset] = task.Dataset,
                [MaintenanceKeys.Task] = task.Name,
                [MaintenanceKeys.ConfigHash] = ScheduleReconciler.Hash(configured.Cron, task.TimeZone.Id, skip ? "skip" : "fire-once"),
            })
            .WithCronSchedule(configured.Cron, c => c.InTimeZone(task.TimeZone)
                .WithMisfireInstruction(skip ? CronTriggerMisfireInstruction.DoNothing : CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
    }

    [LoggerMessage(LogLevel.Information, "Maintenance schedules reconciled: {Added} added, {Changed} changed, {Removed} removed, {Unchanged} unchanged, {Expired} with no fire time left ({Tasks} tasks configured)")]
    private static partial void LogReconciled(ILogger logger, int added, int changed, int removed, int unchanged, int expired, int tasks);

    [LoggerMessage(LogLevel.Warning, "Maintenance task {Dataset}/{Task}: cron '{Cron}' has no fire time left; not scheduled")]
    private static partial void LogExpired(ILogger logger, string dataset, string task, string cron);
}
