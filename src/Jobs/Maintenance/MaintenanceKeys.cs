using Quartz;

namespace Orchestrator.Jobs.Maintenance;

/// <summary>
/// Quartz names of maintenance: one durable job per task, <c>orchestrator.maintenance/&lt;dataset&gt;/&lt;task&gt;</c>, fired by
/// one cron trigger of the same name in <see cref="CronGroup"/>, both reconciled from configuration at start-up.
/// </summary>
public static class MaintenanceKeys
{
    /// <summary>Group of the task jobs.</summary>
    public const string JobGroup = "orchestrator.maintenance";

    /// <summary>Group of the task cron triggers.</summary>
    public const string CronGroup = "orchestrator.maintenance.cron";

    /// <summary>JobData of the trigger: the dataset.</summary>
    public const string Dataset = "dataset";

    /// <summary>JobData of the trigger: the task name.</summary>
    public const string Task = "task";

    /// <summary>JobData of the trigger: a hash of the configuration it was built from (cron, time zone, misfire).</summary>
    public const string ConfigHash = "configHash";

    /// <summary>The task's job.</summary>
    public static JobKey Job(string dataset, string task) => new($"{dataset}/{task}", JobGroup);

    /// <summary>The task's cron trigger.</summary>
    public static TriggerKey Cron(string dataset, string task) => new($"{dataset}/{task}", CronGroup);
}
