using Orchestrator.Jobs.Ledger;

namespace Orchestrator.Jobs.Runs;

/// <summary>
/// The run store's PostgreSQL schema (component <c>runs</c>), as ordered steps. Append new steps; never edit a released one.
/// </summary>
internal static class PostgresRunMigrations
{
    /// <summary>All steps, in order.</summary>
    public static IReadOnlyList<LedgerMigration> All { get; } =
    [
        // Enums are stored by name. The partial unique index is the one-active-run-per-job invariant; its predicate must
        // stay RunRules.ActiveStates, or INSERT … ON CONFLICT (job_name) WHERE … no longer finds it as its arbiter.
        new(1, "glue_runs with the one-active-run-per-job unique index", $"""
            CREATE TABLE glue_runs (
                run_id              uuid             PRIMARY KEY,
                dataset             text             NOT NULL,
                job_name            text             NOT NULL,
                trigger             text             NOT NULL,
                state               text             NOT NULL,
                attempt             integer          NOT NULL CHECK (attempt >= 1),
                bookmark_option     text             NOT NULL,
                requested_at        timestamptz      NOT NULL,
                job_run_id          text,
                glue_state          text,
                started_at          timestamptz,
                completed_at        timestamptz,
                error               text,
                dpu_seconds         double precision,
                follow_up_requested boolean          NOT NULL,
                trace_parents       text,
                updated_at          timestamptz      NOT NULL
            );
            CREATE UNIQUE INDEX ux_glue_runs_active_job ON glue_runs (job_name) WHERE state IN {RunRules.ActiveStates};
            CREATE INDEX ix_glue_runs_dataset ON glue_runs (dataset, requested_at);
            CREATE INDEX ix_glue_runs_requested ON glue_runs (requested_at);
            """),

        // The causes of a follow-up: requests coalesced into an active run keep their trace contexts for the run after it.
        new(2, "glue_runs.follow_up_trace_parents", """
            ALTER TABLE glue_runs ADD COLUMN follow_up_trace_parents text;
            """),
    ];
}
