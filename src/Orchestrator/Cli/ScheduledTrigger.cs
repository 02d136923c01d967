using Orchestrator.Jobs.GlueRuns;
using Orchestrator.Jobs.Maintenance;
using Quartz;

namespace Orchestrator.Cli;

/// <summary>One Quartz trigger of the orchestrator groups, as <c>status</c> and <c>schedules</c> print it.</summary>
/// <param name="Group">The trigger group (<see cref="RunKeys"/>).</param>
/// <param name="Name">The trigger name.</param>
/// <param name="Job">The job it fires (<c>orchestrator.glue/&lt;dataset&gt;</c>).</param>
/// <param name="Kind">cron, maintenance, debounce, or step:&lt;action&gt; (request or advance) for one-shot triggers.</param>
/// <param name="State">Quartz's trigger state (Normal, Paused, Blocked, …).</param>
/// <param name="Cron">The cron expression of a cron trigger.</param>
/// <param name="TimeZone">The time zone of a cron trigger.</param>
/// <param name="NextFireTime">When it fires next (UTC), if ever.</param>
/// <param name="PreviousFireTime">When it fired last (UTC), if ever.</param>
internal sealed record ScheduledTrigger(
    string Group,
    string Name,
    string Job,
    string Kind,
    string State,
    string? Cron,
    string? TimeZone,
    DateTimeOffset? NextFireTime,
    DateTimeOffset? PreviousFireTime)
{
    public static readonly string[] Groups = [RunKeys.CronGroup, MaintenanceKeys.CronGroup, RunKeys.DebounceGroup, RunKeys.StepGroup];

    /// <summary>Every trigger in the orchestrator groups, by group then name.</summary>
    public static async Task<IReadOnlyList<ScheduledTrigger>> ListAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        var result = new List<ScheduledTrigger>();
        foreach (string group in Groups)
        {
            var keys = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(group), cancellationToken);
            foreach (var key in keys.OrderBy(k => k.Name, StringComparer.Ordinal))
            {
                // A one-shot step can fire and be deleted between listing and reading it: skip it then.
                if (await scheduler.GetTrigger(key, cancellationToken) is { } trigger)
                {
                    var state = await scheduler.GetTriggerState(key, cancellationToken);
                    result.Add(From(trigger, state));
                }
            }
        }

        return result;
    }

    private static ScheduledTrigger From(ITrigger trigger, TriggerState state)
    {
        var cron = trigger as ICronTrigger;
        string kind = trigger.Key.Group switch
        {
            RunKeys.CronGroup => "cron",
            MaintenanceKeys.CronGroup => "maintenance",
            RunKeys.DebounceGroup => "debounce",
            _ => "step:" + (trigger.JobDataMap.GetString(RunKeys.Action) ?? "?"),
        };
        return new ScheduledTrigger(trigger.Key.Group, trigger.Key.Name, trigger.JobKey.ToString(), kind, state.ToString(),
            cron?.CronExpressionString, cron?.TimeZone.Id, trigger.NextFireTimeUtc, trigger.PreviousFireTimeUtc);
    }
}
