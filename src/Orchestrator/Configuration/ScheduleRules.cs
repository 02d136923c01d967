using Quartz;

namespace Orchestrator.Configuration;

/// <summary>The rules shared by every configured cron schedule (Glue schedules and maintenance tasks): cron, time zone, misfire.</summary>
internal static class ScheduleRules
{
    public static void Validate(string cron, string timeZone, string misfire, string key, List<string> errors)
    {
        if (!CronExpression.TryParse(cron, out _))
        {
            errors.Add($"{key}:Cron: '{cron}' is not a Quartz cron expression (seconds minutes hours day-of-month month " +
                       "day-of-week [year], e.g. '0 0 3 * * ?').");
        }

        try
        {
            _ = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            errors.Add($"{key}:TimeZone: '{timeZone}' is not a known time zone (e.g. UTC, Europe/Berlin).");
        }

        if (!IsSkip(misfire) && !misfire.Equals("FireOnce", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{key}:Misfire: '{misfire}' is not one of FireOnce, Skip.");
        }
    }

    /// <summary>True for <c>Skip</c>: missed fire times are dropped; otherwise one of them fires (<c>FireOnce</c>).</summary>
    public static bool IsSkip(string misfire) => misfire.Equals("Skip", StringComparison.OrdinalIgnoreCase);
}
