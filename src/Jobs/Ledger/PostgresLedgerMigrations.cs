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
    ];

    /// <summary>Applies the steps the store lacks, in order, in one transaction that also serializes concurrent starters.</summary>
    public static async Task ApplyAsync(NpgsqlConnection connection, DateTimeOffset appliedAt, CancellationToken cancellationToken)
    {
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
        command.Parameters.Text(LedgerBatch.SchemaComponent);
        int current = (int)(await command.ExecuteScalarAsync(cancellationToken))!;

        // A newer schema than this build knows is left alone: during a rolling deploy old and new code share the database.
        foreach (LedgerMigration migration in All.Where(m => m.Version > current))
        {
            command.Parameters.Clear();
            command.CommandText = migration.Sql;
            await command.ExecuteNonQueryAsync(cancellationToken);

            command.CommandText = """
                INSERT INTO schema_version (component, version, description, applied_at) VALUES ($1, $2, $3, $4)
                """;
            command.Parameters.Text(LedgerBatch.SchemaComponent);
            command.Parameters.Add(new NpgsqlParameter { Value = migration.Version });
            command.Parameters.Text(migration.Description);
            command.Parameters.Timestamp(appliedAt);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
