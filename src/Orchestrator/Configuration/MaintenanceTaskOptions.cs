namespace Orchestrator.Configuration;

/// <summary>One Athena maintenance task of a dataset, on a cron schedule (docs/maintenance.md).</summary>
public sealed class MaintenanceTaskOptions
{
    /// <summary>Unique within the dataset; part of the Quartz keys and of every ClientRequestToken, so renaming it replaces the task.</summary>
    public string Name { get; set; } = "";

    /// <summary>Quartz cron expression (seconds first), e.g. <c>0 30 4 * * ?</c> for 04:30 every day.</summary>
    public string Cron { get; set; } = "";

    /// <summary>IANA or Windows time zone id of the cron and of <c>FireTime</c> in parameters; default UTC.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>What to do with fire times missed while no worker ran: <c>FireOnce</c> (default) or <c>Skip</c>.</summary>
    public string Misfire { get; set; } = "FireOnce";

    /// <summary><c>Sql</c>, <c>Optimize</c>, <c>Vacuum</c>, <c>Msck</c>, <c>Compact</c> or <c>Check</c>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The table worked on; default the dataset's OutputTable.</summary>
    public TableOptions Table { get; set; } = new();

    /// <summary>The statement of Sql and Check tasks, with <c>{name}</c> placeholders for Parameters, <c>{table}</c>, <c>{database}</c>.</summary>
    public string Sql { get; set; } = "";

    /// <summary>Named parameters of <see cref="Sql"/>, e.g. <c>window_start = FireTime - 1 day as date</c>.</summary>
    public Dictionary<string, string> Parameters { get; set; } = new(StringComparer.Ordinal);

    /// <summary>A Check's expectation on the first value of the first row, e.g. <c>&gt; 0</c> or <c>= 0</c>.</summary>
    public string Expect { get; set; } = "";

    /// <summary>Compact's partition: an expression per partition key, e.g. <c>year = FireTime - 1 day as int 'yyyy'</c>.</summary>
    public Dictionary<string, string> Partition { get; set; } = new(StringComparer.Ordinal);
}
