namespace Orchestrator.Jobs.Maintenance;

/// <summary>What a maintenance task does (docs/maintenance.md has the SQL of each).</summary>
public enum MaintenanceKind
{
    /// <summary>Any statement, with named parameters bound as Athena ExecutionParameters.</summary>
    Sql,

    /// <summary><c>OPTIMIZE t REWRITE DATA USING BIN_PACK</c>: Iceberg tables only, skipped when Glue's compaction optimizer is on.</summary>
    Optimize,

    /// <summary><c>VACUUM t</c>: Iceberg tables only, skipped when Glue's retention or orphan-file optimizer is on.</summary>
    Vacuum,

    /// <summary><c>MSCK REPAIR TABLE t</c>: only as an explicit task (it lists the whole table location).</summary>
    Msck,

    /// <summary>CTAS of one partition into a new location, then the partition pointed at it.</summary>
    Compact,

    /// <summary>A query and an expectation on its first value; the result is a metric, a failure is logged.</summary>
    Check,
}
