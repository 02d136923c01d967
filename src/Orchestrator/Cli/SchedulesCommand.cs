using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Orchestrator.Cli;

/// <summary>
/// <c>orchestrator schedules [--json]</c>: every Quartz trigger in the orchestrator groups (cron, debounce, steps) with its
/// job, kind, cron expression and time zone, next and previous fire time. Exit 0, or 2 when the Quartz store cannot be read.
/// </summary>
internal static class SchedulesCommand
{
    public static async Task<int> RunAsync(string? configFile, bool json, TextWriter output, TextWriter error)
    {
        using var host = await OperatorHost.BuildAsync(configFile, error);
        if (host is null)
        {
            return RunCommand.InvalidConfiguration;
        }

        IReadOnlyList<ScheduledTrigger> triggers;
        try
        {
            var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            triggers = await ScheduledTrigger.ListAsync(scheduler, CancellationToken.None);
        }
        catch (SchedulerException ex)
        {
            await error.WriteLineAsync($"orchestrator: cannot read the Quartz store (has a worker started once?): {ex.Message}");
            return 2;
        }

        if (json)
        {
            await CliJson.WriteAsync(output, triggers);
            return 0;
        }

        await output.WriteLineAsync("kind          trigger                          job                        next (UTC)           previous (UTC)       cron");
        foreach (var t in triggers)
        {
            string cron = t.Cron is null ? "" : $"{t.Cron} ({t.TimeZone})";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{t.Kind,-13} {t.Name,-32} {t.Job,-26} {Time(t.NextFireTime),-20} {Time(t.PreviousFireTime),-20} {cron}{(t.State == "Normal" ? "" : " [" + t.State + "]")}"));
        }

        if (triggers.Count == 0)
        {
            await output.WriteLineAsync("(no triggers: no dataset has a Glue job, or no worker has reconciled the schedules yet)");
        }

        return 0;
    }

    private static string Time(DateTimeOffset? time) => time?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "-";
}
