namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>A crawler's cron schedule.</summary>
public sealed class Schedule
{
    public string? ScheduleExpression { get; set; }

    public string? State { get; set; }
}
