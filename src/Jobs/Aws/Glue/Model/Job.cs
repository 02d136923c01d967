namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>A Glue job definition (subset of the wire shape: visual-job nodes and source control are not mapped).</summary>
public sealed class Job
{
    public string? Name { get; set; }

    public string? JobMode { get; set; }

    public bool? JobRunQueuingEnabled { get; set; }

    public string? Description { get; set; }

    public string? LogUri { get; set; }

    public string? Role { get; set; }

    public DateTime? CreatedOn { get; set; }

    public DateTime? LastModifiedOn { get; set; }

    public ExecutionProperty? ExecutionProperty { get; set; }

    public JobCommand? Command { get; set; }

    public Dictionary<string, string>? DefaultArguments { get; set; }

    public Dictionary<string, string>? NonOverridableArguments { get; set; }

    public ConnectionsList? Connections { get; set; }

    public int? MaxRetries { get; set; }

    public int? Timeout { get; set; }

    public double? MaxCapacity { get; set; }

    public string? WorkerType { get; set; }

    public int? NumberOfWorkers { get; set; }

    public string? SecurityConfiguration { get; set; }

    public NotificationProperty? NotificationProperty { get; set; }

    public string? GlueVersion { get; set; }

    public string? ExecutionClass { get; set; }

    public string? MaintenanceWindow { get; set; }

    public string? ProfileName { get; set; }
}
