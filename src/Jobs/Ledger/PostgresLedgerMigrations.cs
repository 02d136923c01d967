using Npgsql;

namespace Orchestrator.Jobs.Ledger;

/// <summary>The ledger's PostgreSQL schema, as ordered steps. Append new steps; never edit a released one.</summary>
internal static class PostgresLedgerMigrations
{
    /// <summary>
    /// Key for <c>pg_advisory_xact_lock</c>: every process that migrates this database takes it first, so only one runs the
    /// steps and the others then find them applied. Any component versioning its schema here must use the same key.
    /// </summary>
    public const long AdvisoryLockKey = 0x4F52_4348_5343_4D41; // "ORCHSCMA"

    /// <summary>Shared by every component that versions its schema in this database; one row per applied step.</summary>
    public const string VersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            component   text        NOT NULL,
            version     integer     NOT NULL,
            description text        NOT NULL,
            applied_at  timestamptz NOT NULL,
            PRIMARY KEY (component, version)
        );
        """;

    /// <summary>All steps, in order.</summary>
    public static IReadOnlyList<LedgerMigration> All { get; } =
    [
        // COLLATE "C" on the identity and the sequencer: byte order, the same as SQLite, and the only order in which
        // the padded hex sequencers compare the way S3 documents. The key limit is S3's: at most 1024 bytes of UTF-8.
        new(1, "ledger_objects with (dataset, state) and (state) indexes", """
            CREATE TABLE ledger_objects (
                bucket          text COLLATE "C" NOT NULL CHECK (char_length(bucket) BETWEEN 1 AND 255),
                key             text COLLATE "C" NOT NULL CHECK (octet_length(key) BETWEEN 1 AND 1024),
                version_id      text COLLATE "C" NOT NULL,
                sequencer       text,
                sequencer_order text COLLATE "C" NOT NULL,
                event_name      text        NOT NULL,
                event_time      timestamptz NOT NULL,
                size            bigint,
                etag            text,
                dataset         text,
                partition_path  text,
                state           text        NOT NULL,
                reject_reason   text,
                deliveries      integer     NOT NULL,
                first_seen      timestamptz NOT NULL,
                updated_at      timestamptz NOT NULL,
                PRIMARY KEY (bucket, key, version_id)
            );
            CREATE INDEX ix_ledger_objects_dataset_state ON ledger_objects (dataset, state, first_seen);
            CREATE INDEX ix_ledger_objects_state ON ledger_objects (state, first_seen);
            """),

        // Lineage (docs/runs.md): which Glue run took the object. No foreign key to glue_runs, so that the ledger and the
        // run store migrate independently, in either order. The partial index serves the per-run updates.
        new(2, "ledger_objects.run_id (lineage) with (dataset, state, run_id) and (run_id) indexes", """
            ALTER TABLE ledger_objects ADD COLUMN run_id uuid;
            CREATE INDEX ix_ledger_objects_lineage ON ledger_objects (dataset, state, run_id);
            CREATE INDEX ix_ledger_objects_run ON ledger_objects (run_id) WHERE run_id IS NOT NULL;
            """),
    ];

    /// <summary>Applies the ledger's steps the store lacks (see the overload).</summary>
    public static Task ApplyAsync(NpgsqlConnection connection, DateTimeOffset appliedAt, CancellationToken cancellationToken) =>
        ApplyAsync(connection, LedgerBatch.SchemaComponent, All, appliedAt, cancellationToken);

    /// <summary>
    /// Applies the steps of <paramref name="component"/> that the store lacks, in order, in one transaction that also
    /// serializes concurrent starters of every component (the ledger's, the run store's): they share <see cref="AdvisoryLockKey"/>.
    /// </summary>
    public static async Task ApplyAsync(
        NpgsqlConnection connection, string component, IReadOnlyList<LedgerMigration> steps, DateTimeOffset appliedAt,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(component);
        ArgumentNullException.ThrowIfNull(steps);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using NpgsqlCommand command = new(string.Empty, connection, transaction);

        // Held until commit: concurrent starters queue here, and even CREATE TABLE IF NOT EXISTS is not safe without it
        // (two sessions can both see "not exists" and one fails on the catalog's unique index).
        command.CommandText = "SELECT pg_advisory_xact_lock($1)";
        command.Parameters.Add(new NpgsqlParameter { Value = AdvisoryLockKey });
        await command.ExecuteNonQueryAsync(cancellationToken);

        command.Parameters.Clear();
        command.CommandText = VersionTable;
        await command.ExecuteNonQueryAsync(cancellationToken);

        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version WHERE component = $1";
        command.Parameters.Text(component);
        int current = (int)(await command.ExecuteScalarAsync(cancellationToken))!;

        // A newer schema than this build knows is left alone: during a rolling deploy old and new code share the database.
        foreach (LedgerMigration migration in steps.Where(m => m.Version > current).OrderBy(m => m.Version))
        {
            command.Parameters.Clear();
            command.CommandText = migration.Sql;
            await command.ExecuteNonQueryAsync(cancellationToken);

            command.CommandText = """
                INSERT INTO schema_version (component, version, description, applied_at) VALUES ($1, $2, $3, $4)
                """;
            command.Parameters.Text(component);
            command.Parameters.Add(new NpgsqlParameter { Value = migration.Version });
            command.Parameters.Text(migration.Description);
            command.Parameters.Timestamp(appliedAt);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
