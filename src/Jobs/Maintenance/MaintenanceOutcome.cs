namespace Orchestrator.Jobs.Maintenance;

/// <summary>How a task run ended: <c>succeeded</c>, <c>failed</c> (a statement failed, or a check did not meet its expectation) or <c>skipped</c>.</summary>
/// <param name="Outcome">succeeded, failed or skipped (the metric tag).</param>
/// <param name="Detail">Why, in words (logged).</param>
public sealed record MaintenanceOutcome(string Outcome, string Detail)
{
    /// <summary>Succeeded.</summary>
    public static MaintenanceOutcome Succeeded(string detail) => new("succeeded", detail);

    /// <summary>Failed.</summary>
    public static MaintenanceOutcome Failed(string detail) => new("failed", detail);

    /// <summary>Skipped on purpose (not Iceberg, Glue's optimizer manages the table, nothing to compact).</summary>
    public static MaintenanceOutcome Skipped(string detail) => new("skipped", detail);
}
