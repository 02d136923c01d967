using Orchestrator.Jobs.Catalog;

namespace Orchestrator.Jobs.Maintenance;

/// <summary>
/// One configured maintenance task, validated and parsed (docs/maintenance.md). Built from configuration at start-up; the
/// Quartz job looks it up by (dataset, name) when it fires, so changing the SQL needs no Quartz change.
/// </summary>
/// <param name="Dataset">The dataset it belongs to (span attribute and metric tag).</param>
/// <param name="Name">Unique within the dataset.</param>
/// <param name="Kind">What it does.</param>
/// <param name="Table">The table it works on (the dataset's OutputTable unless configured).</param>
/// <param name="TimeZone">The cron's time zone; <c>FireTime</c> in parameters is the fire time in this zone.</param>
/// <param name="Sql">The SQL of Sql and Check tasks.</param>
/// <param name="Parameters">Named parameters of the SQL.</param>
/// <param name="Expect">The expectation of a Check.</param>
/// <param name="Partition">Compact's partition: a value per partition key.</param>
public sealed record MaintenanceTask(
    string Dataset,
    string Name,
    MaintenanceKind Kind,
    TableRef Table,
    TimeZoneInfo TimeZone,
    SqlTemplate? Sql,
    IReadOnlyDictionary<string, ParameterExpression> Parameters,
    CheckExpectation? Expect,
    IReadOnlyDictionary<string, ParameterExpression> Partition)
{
    /// <summary>The fire time as the task's parameters see it (in its time zone).</summary>
    public DateTimeOffset LocalFireTime(DateTimeOffset scheduledFireTimeUtc) => TimeZoneInfo.ConvertTime(scheduledFireTimeUtc, TimeZone);

    /// <summary>Every parameter's value for a fire time.</summary>
    public IReadOnlyDictionary<string, SqlValue> Values(DateTimeOffset scheduledFireTimeUtc)
    {
        var local = LocalFireTime(scheduledFireTimeUtc);
        return Parameters.ToDictionary(p => p.Key, p => p.Value.Evaluate(local), StringComparer.Ordinal);
    }
}
