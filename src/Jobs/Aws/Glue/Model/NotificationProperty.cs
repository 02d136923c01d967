namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>When to notify that a run is delayed.</summary>
public sealed class NotificationProperty
{
    public int? NotifyDelayAfter { get; set; }
}
