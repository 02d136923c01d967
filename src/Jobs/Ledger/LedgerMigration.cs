namespace Orchestrator.Jobs.Ledger;

/// <summary>One schema step. Applied once, in version order, and recorded in <c>schema_version</c>; never edit a released one.</summary>
/// <param name="Version">Position in the sequence, from 1 without gaps.</param>
/// <param name="Description">What the step does, stored alongside the version for operators.</param>
/// <param name="Sql">The DDL, run inside the migration transaction.</param>
internal sealed record LedgerMigration(int Version, string Description, string Sql);
