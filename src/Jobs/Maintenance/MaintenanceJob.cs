using System.Globalization;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Orchestrator.Jobs.Maintenance;

/// <summary>
/// The Quartz job of one maintenance task. Not concurrent with itself; requests recovery, so a run interrupted by a crash is
/// fired again — with the <b>original</b> scheduled fire time, which Quartz keeps in the recovery trigger's JobData, so the
/// statements get the same ClientRequestTokens and Athena hands back the queries already running.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class MaintenanceJob(MaintenanceTasks tasks, MaintenanceRunner runner, ILogger<MaintenanceJob> logger) : IJob
{
    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.MergedJobDataMap;
        string dataset = data.GetString(MaintenanceKeys.Dataset) ?? "";
        string name = data.GetString(MaintenanceKeys.Task) ?? "";
        if (tasks.Find(dataset, name) is not { } task)
        {
            LogUnknownTask(logger, dataset, name);
            return;
        }

        var fireTime = ScheduledFireTime(context);
        if (context.Recovering)
        {
            LogRecovering(logger, dataset, name, fireTime);
        }

        await runner.RunAsync(task, fireTime, cancellationToken);
    }

    /// <summary>The fire time the run belongs to: for a recovered run, the original trigger's scheduled fire time.</summary>
    public static DateTimeOffset ScheduledFireTime(IJobExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Quartz writes it with Convert.ToString(DateTimeOffset, InvariantCulture); epoch milliseconds are accepted as well.
        if (context.Recovering &&
            context.MergedJobDataMap.GetString(SchedulerConstants.FailedJobOriginalTriggerScheduledFireTime) is { } original)
        {
            if (DateTimeOffset.TryParse(original, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return parsed;
            }

            if (long.TryParse(original, NumberStyles.Integer, CultureInfo.InvariantCulture, out long millis))
            {
                return DateTimeOffset.FromUnixTimeMilliseconds(millis);
            }
        }

        return context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
    }

    [LoggerMessage(LogLevel.Warning, "Maintenance task {Dataset}/{Task} fired but is no longer configured; ignored (the next start-up removes its trigger)")]
    private static partial void LogUnknownTask(ILogger logger, string dataset, string task);

    [LoggerMessage(LogLevel.Warning, "Maintenance task {Dataset}/{Task} recovered after a crash: running the fire time {FireTime:O} again with its tokens")]
    private static partial void LogRecovering(ILogger logger, string dataset, string task, DateTimeOffset fireTime);
}
