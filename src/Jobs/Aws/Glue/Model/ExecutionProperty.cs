namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>How many runs of a job may run at once; bookmarked jobs need 1.</summary>
public sealed class ExecutionProperty
{
    public int? MaxConcurrentRuns { get; set; }
}
