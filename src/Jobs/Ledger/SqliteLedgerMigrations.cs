using Microsoft.Data.Sqlite;

namespace Orchestrator.Jobs.Ledger;

/// <summary>The ledger's SQLite schema, as ordered steps. Append new steps; never edit a released one.</summary>
internal static class SqliteLedgerMigrations
{
    /// <summary>Shared by every component that versions its schema in this file; one row per applied step.</summary>
    public const string VersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            component   TEXT    NOT NULL,
            version     INTEGER NOT NULL,
            description TEXT    NOT NULL,
            applied_at  TEXT    NOT NULL,
            PRIMARY KEY (component, version)
        );
        """;

    /// <summary>All steps, in order.</summary>
    public static IReadOnlyList<LedgerMigration> All { get; } =
    [
        // STRICT makes SQLite reject a value of the wrong type instead of storing it anyway.
        // The key limit is S3's: at most 1024 bytes of UTF-8. Timestamps are fixed-width ISO-8601 UTC text, so they sort as text.
        new(1, "ledger_objects with (dataset, state) and (state) indexes", """
            CREATE TABLE ledger_objects (
                bucket          TEXT    NOT NULL CHECK (length(bucket) BETWEEN 1 AND 255),
                key             TEXT    NOT NULL CHECK (length(CAST(key AS BLOB)) BETWEEN 1 AND 1024),
                version_id      TEXT    NOT NULL,
                sequencer       TEXT,
                sequencer_order TEXT    NOT NULL,
                event_name      TEXT    NOT NULL,
                event_time      TEXT    NOT NULL,
                size            INTEGER,
                etag            TEXT,
                dataset         TEXT,
                partition_path  TEXT,
                state           TEXT    NOT NULL,
                reject_reason   TEXT,
                deliveries      INTEGER NOT NULL,
                first_seen      TEXT    NOT NULL,
                updated_at      TEXT    NOT NULL,
                PRIMARY KEY (bucket, key, version_id)
            ) STRICT;
            CREATE INDEX ix_ledger_objects_dataset_state ON ledger_objects (dataset, state, first_seen);
            CREATE INDEX ix_ledger_objects_state ON ledger_objects (state, first_seen);
            """),

        // Lineage (docs/runs.md): which Glue run took the object. No foreign key to glue_runs, so that the ledger and the
        // run store migrate independently, in either order. The partial index serves the per-run updates.
        new(2, "ledger_objects.run_id (lineage) with (dataset, state, run_id) and (run_id) indexes", """
            ALTER TABLE ledger_objects ADD COLUMN run_id TEXT;
            CREATE INDEX ix_ledger_objects_lineage ON ledger_objects (dataset, state, run_id);
            CREATE INDEX ix_ledger_objects_run ON ledger_objects (run_id) WHERE run_id IS NOT NULL;
            """),
    ];

    /// <summary>Applies the ledger's steps the store lacks (see the overload).</summary>
    public static Task ApplyAsync(SqliteConnection connection, DateTimeOffset appliedAt, CancellationToken cancellationToken) =>
        ApplyAsync(connection, LedgerBatch.SchemaComponent, All, appliedAt, cancellationToken);

    /// <summary>
    /// Applies the steps of <paramref name="component"/> that the store lacks, in order, in one transaction that also
    /// serializes concurrent starters of every component (the ledger's, the run store's).
    /// </summary>
    public static async Task ApplyAsync(
        SqliteConnection connection, string component, IReadOnlyList<LedgerMigration> steps, DateTimeOffset appliedAt,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(component);
        ArgumentNullException.ThrowIfNull(steps);

        // The immediate transaction is the migration lock: a second process waits here and then finds the steps applied.
        await using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
        await using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = VersionTable;
        await command.ExecuteNonQueryAsync(cancellationToken);

        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version WHERE component = @component;";
        command.Parameters.Bind("@component", component);
        long current = (long)(await command.ExecuteScalarAsync(cancellationToken))!;

        // A newer schema than this build knows is left alone: during a rolling deploy old and new code share the file.
        foreach (LedgerMigration migration in steps.Where(m => m.Version > current).OrderBy(m => m.Version))
        {
            command.Parameters.Clear();
            command.CommandText = migration.Sql;
            await command.ExecuteNonQueryAsync(cancellationToken);

            command.CommandText = """
                INSERT INTO schema_version (component, version, description, applied_at)
                VALUES (@component, @version, @description, @applied_at);
                """;
            command.Parameters.Bind("@component", component);
            command.Parameters.Bind("@version", migration.Version);
            command.Parameters.Bind("@description", migration.Description);
            command.Parameters.Bind("@applied_at", SqliteLedgerRows.FormatTime(appliedAt));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
