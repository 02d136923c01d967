namespace Orchestrator.Configuration;

/// <summary>One cron schedule of a dataset's Glue job.</summary>
public sealed class ScheduleOptions
{
    /// <summary>Unique within the dataset; part of the Quartz trigger key, so renaming it replaces the trigger.</summary>
    public string Name { get; set; } = "";

    /// <summary>Quartz cron expression (seconds first), e.g. <c>0 0 3 * * ?</c> for 03:00 every day.</summary>
    public string Cron { get; set; } = "";

    /// <summary>IANA or Windows time zone id; default UTC.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>What to do with fire times missed while no worker ran: <c>FireOnce</c> (default) or <c>Skip</c>.</summary>
    public string Misfire { get; set; } = "FireOnce";
}
