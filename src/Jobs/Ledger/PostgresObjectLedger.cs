using Npgsql;

namespace Orchestrator.Jobs.Ledger;

/// <summary>
/// The ledger in PostgreSQL, for several processes on one database. Each write is one upsert per record whose conflict
/// branch only fires for a later sequencer, so the decision is made on the locked row inside the statement, never on an
/// earlier read that another process could invalidate.
/// </summary>
internal sealed class PostgresObjectLedger : IObjectLedger
{
    // $1..$13 are the record, $14 is the batch's clock reading.
    private const string UpsertSql = """
        INSERT INTO ledger_objects AS t (bucket, key, version_id, sequencer, sequencer_order, event_name, event_time, size, etag,
                                         dataset, partition_path, state, reject_reason, deliveries, first_seen, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 1, $14, $14)
        ON CONFLICT (bucket, key, version_id) DO UPDATE SET
            sequencer = excluded.sequencer, sequencer_order = excluded.sequencer_order, event_name = excluded.event_name,
            event_time = excluded.event_time, size = excluded.size, etag = excluded.etag, dataset = excluded.dataset,
            partition_path = excluded.partition_path, state = excluded.state, reject_reason = excluded.reject_reason,
            run_id = NULL, -- the event is newer than what a run took: lineage starts over (docs/runs.md)
            deliveries = t.deliveries + 1, updated_at = excluded.updated_at
        WHERE excluded.sequencer_order > t.sequencer_order
        RETURNING deliveries
        """;

    // Runs only for rows whose upsert found a conflict and skipped it. ON CONFLICT DO UPDATE locks the conflicting row
    // even when its WHERE is false, so this transaction still holds that lock and no other writer slips in between.
    private const string CountDeliverySql = """
        UPDATE ledger_objects SET deliveries = deliveries + 1, updated_at = $4
        WHERE bucket = $1 AND key = $2 AND version_id = $3
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;

    public PostgresObjectLedger(string connectionString, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(time);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _time = time;
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await PostgresLedgerMigrations.ApplyAsync(connection, _time.GetUtcNow(), cancellationToken);
    }

    public async Task<LedgerWriteResult> RecordAsync(IReadOnlyList<LedgerRecord> records, CancellationToken cancellationToken)
    {
        LedgerRecord[] batch = LedgerBatch.InLockOrder(records);
        if (batch.Length == 0)
        {
            return LedgerWriteResult.Empty;
        }

        DateTimeOffset now = _time.GetUtcNow();
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken);

        // One round trip for all upserts; a record whose upsert returns no row was a duplicate or an older event.
        var skipped = new List<LedgerRecord>();
        int inserted = 0, superseded = 0;
        await using (NpgsqlBatch upserts = new(connection, transaction))
        {
            foreach (LedgerRecord record in batch)
            {
                upserts.BatchCommands.Add(CreateUpsert(record, now));
            }

            await using NpgsqlDataReader reader = await upserts.ExecuteReaderAsync(cancellationToken);
            for (int i = 0; i < batch.Length; i++)
            {
                if (i > 0)
                {
                    await reader.NextResultAsync(cancellationToken);
                }

                if (!await reader.ReadAsync(cancellationToken))
                {
                    skipped.Add(batch[i]);
                }
                else if (reader.GetInt32(0) == 1)
                {
                    inserted++;
                }
                else
                {
                    superseded++;
                }
            }
        }

        if (skipped.Count > 0)
        {
            await CountDeliveriesAsync(connection, transaction, skipped, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new LedgerWriteResult(inserted, superseded, skipped.Count);
    }

    public async Task<LedgerEntry?> FindAsync(string bucket, string key, string? versionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        ArgumentNullException.ThrowIfNull(key);
        await using NpgsqlCommand command = _dataSource.CreateCommand($"""
            SELECT {PostgresLedgerRows.EntryColumns} FROM ledger_objects
            WHERE bucket = $1 AND key = $2 AND version_id = $3
            """);
        command.Parameters.Text(bucket);
        command.Parameters.Text(key);
        command.Parameters.Text(LedgerBatch.VersionKey(versionId));
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? PostgresLedgerRows.Read(reader) : null;
    }

    public async Task<IReadOnlyList<LedgerEntry>> ListAsync(LedgerQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        await using NpgsqlCommand command = _dataSource.CreateCommand($"""
            SELECT {PostgresLedgerRows.EntryColumns} FROM ledger_objects
            WHERE {LedgerBatch.ListFilter(query, "$2", "$3")}
            ORDER BY first_seen, key, bucket, version_id
            LIMIT $1
            """);

        // Positional parameters must all be sent even when the filter leaves one out; typed, PostgreSQL accepts that.
        command.Parameters.Bigint(query.Limit);
        command.Parameters.Text(query.Dataset);
        command.Parameters.Text(query.State?.ToString());

        var entries = new List<LedgerEntry>();
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(PostgresLedgerRows.Read(reader));
        }

        return entries;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static NpgsqlBatchCommand CreateUpsert(LedgerRecord record, DateTimeOffset now)
    {
        var command = new NpgsqlBatchCommand(UpsertSql);
        command.Parameters.Text(record.Event.Bucket);
        command.Parameters.Text(record.Event.Key);
        command.Parameters.Text(LedgerBatch.VersionKey(record.Event.VersionId));
        command.Parameters.Text(record.Event.Sequencer);
        command.Parameters.Text(LedgerBatch.SequencerKey(record.Event.Sequencer));
        command.Parameters.Text(record.Event.EventName);
        command.Parameters.Timestamp(record.Event.EventTime);
        command.Parameters.Bigint(record.Event.Size);
        command.Parameters.Text(record.Event.ETag);
        command.Parameters.Text(record.Dataset);
        command.Parameters.Text(record.Partition);
        command.Parameters.Text(record.State.ToString());
        command.Parameters.Text(record.RejectReason);
        command.Parameters.Timestamp(now);
        return command;
    }

    private static async Task CountDeliveriesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<LedgerRecord> records, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using NpgsqlBatch updates = new(connection, transaction);
        foreach (LedgerRecord record in records)
        {
            var command = new NpgsqlBatchCommand(CountDeliverySql);
            command.Parameters.Text(record.Event.Bucket);
            command.Parameters.Text(record.Event.Key);
            command.Parameters.Text(LedgerBatch.VersionKey(record.Event.VersionId));
            command.Parameters.Timestamp(now);
            updates.BatchCommands.Add(command);
        }

        await updates.ExecuteNonQueryAsync(cancellationToken);
        foreach (NpgsqlBatchCommand command in updates.BatchCommands)
        {
            if (command.RecordsAffected != 1)
            {
                // Cannot happen while the row lock holds; failing here rolls back rather than under-counting silently.
                throw new InvalidOperationException("A ledger row vanished between its upsert and its delivery count.");
            }
        }
    }
}
