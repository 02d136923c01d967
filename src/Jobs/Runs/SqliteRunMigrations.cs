using Orchestrator.Jobs.Ledger;

namespace Orchestrator.Jobs.Runs;

/// <summary>
/// The run store's SQLite schema (component <c>runs</c>), as ordered steps. Append new steps; never edit a released one.
/// </summary>
internal static class SqliteRunMigrations
{
    /// <summary>All steps, in order.</summary>
    public static IReadOnlyList<LedgerMigration> All { get; } =
    [
        // Timestamps are fixed-width ISO-8601 UTC text (as in the ledger), so they sort as text. Enums are stored by name.
        // The partial unique index is the one-active-run-per-job invariant; its predicate must stay RunRules.ActiveStates.
        new(1, "glue_runs with the one-active-run-per-job unique index", $"""
            CREATE TABLE glue_runs (
                run_id              TEXT    NOT NULL PRIMARY KEY,
                dataset             TEXT    NOT NULL,
                job_name            TEXT    NOT NULL,
                trigger             TEXT    NOT NULL,
                state               TEXT    NOT NULL,
                attempt             INTEGER NOT NULL CHECK (attempt >= 1),
                bookmark_option     TEXT    NOT NULL,
                requested_at        TEXT    NOT NULL,
                job_run_id          TEXT,
                glue_state          TEXT,
                started_at          TEXT,
                completed_at        TEXT,
                error               TEXT,
                dpu_seconds         REAL,
                follow_up_requested INTEGER NOT NULL CHECK (follow_up_requested IN (0, 1)),
                trace_parents       TEXT,
                updated_at          TEXT    NOT NULL
            ) STRICT;
            CREATE UNIQUE INDEX ux_glue_runs_active_job ON glue_runs (job_name) WHERE state IN {RunRules.ActiveStates};
            CREATE INDEX ix_glue_runs_dataset ON glue_runs (dataset, requested_at);
            CREATE INDEX ix_glue_runs_requested ON glue_runs (requested_at);
            """),

        // The causes of a follow-up: requests coalesced into an active run keep their trace contexts for the run after it.
        new(2, "glue_runs.follow_up_trace_parents", """
            ALTER TABLE glue_runs ADD COLUMN follow_up_trace_parents TEXT;
            """),
    ];
}
