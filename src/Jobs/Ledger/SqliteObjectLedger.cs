using Microsoft.Data.Sqlite;

namespace Orchestrator.Jobs.Ledger;

/// <summary>
/// The ledger in a SQLite file. Every write runs in a <c>BEGIN IMMEDIATE</c> transaction, which takes the file's write lock
/// up front: writers in this or other processes then wait for each other (busy timeout) instead of failing midway with
/// SQLITE_BUSY when a read lock cannot be upgraded. WAL lets readers continue while one writer commits.
/// </summary>
internal sealed class SqliteObjectLedger : IObjectLedger
{
    private const string UpsertSql = $"""
        INSERT INTO ledger_objects (bucket, key, version_id, sequencer, sequencer_order, event_name, event_time, size, etag,
                                    dataset, partition_path, state, reject_reason, deliveries, first_seen, updated_at)
        VALUES (@bucket, @key, @version_id, @sequencer, @sequencer_order, @event_name, @event_time, @size, @etag,
                @dataset, @partition_path, @state, @reject_reason, 1, @now, @now)
        ON CONFLICT (bucket, key, version_id) DO UPDATE SET
            sequencer = excluded.sequencer, sequencer_order = excluded.sequencer_order, event_name = excluded.event_name,
            event_time = excluded.event_time, size = excluded.size, etag = excluded.etag, dataset = excluded.dataset,
            partition_path = excluded.partition_path, state = excluded.state, reject_reason = excluded.reject_reason,
            run_id = NULL, -- the event is newer than what a run took: lineage starts over (docs/runs.md)
            deliveries = ledger_objects.deliveries + 1, updated_at = excluded.updated_at
        WHERE excluded.sequencer_order > ledger_objects.sequencer_order
        RETURNING deliveries;
        """;

    private const string CountDeliverySql = """
        UPDATE ledger_objects SET deliveries = deliveries + 1, updated_at = @now
        WHERE bucket = @bucket AND key = @key AND version_id = @version_id;
        """;

    private readonly string _connectionString;
    private readonly TimeProvider _time;

    public SqliteObjectLedger(string connectionString, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _connectionString = SqliteConnections.FileConnectionString(connectionString, nameof(connectionString));
        _time = time;
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await OpenAsync(cancellationToken);
        await SqliteConnections.UseWalAsync(connection, cancellationToken);
        await SqliteLedgerMigrations.ApplyAsync(connection, _time.GetUtcNow(), cancellationToken);
    }

    public async Task<LedgerWriteResult> RecordAsync(IReadOnlyList<LedgerRecord> records, CancellationToken cancellationToken)
    {
        LedgerRecord[] batch = LedgerBatch.InLockOrder(records);
        if (batch.Length == 0)
        {
            return LedgerWriteResult.Empty;
        }

        string now = SqliteLedgerRows.FormatTime(_time.GetUtcNow());
        await using SqliteConnection connection = await OpenAsync(cancellationToken);
        await using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
        await using SqliteCommand upsert = CreateCommand(connection, transaction, UpsertSql);
        await using SqliteCommand countDelivery = CreateCommand(connection, transaction, CountDeliverySql);

        int inserted = 0, superseded = 0, unchanged = 0;
        foreach (LedgerRecord record in batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            BindUpsert(upsert.Parameters, record, now);

            // A row comes back only when the statement inserted or replaced; the conflict's WHERE filters out the rest.
            object? deliveries = await upsert.ExecuteScalarAsync(cancellationToken);
            if (deliveries is long count)
            {
                if (count == 1)
                {
                    inserted++;
                }
                else
                {
                    superseded++;
                }

                continue;
            }

            countDelivery.Parameters.Clear();
            countDelivery.Parameters.Bind("@bucket", record.Event.Bucket);
            countDelivery.Parameters.Bind("@key", record.Event.Key);
            countDelivery.Parameters.Bind("@version_id", LedgerBatch.VersionKey(record.Event.VersionId));
            countDelivery.Parameters.Bind("@now", now);
            await countDelivery.ExecuteNonQueryAsync(cancellationToken);
            unchanged++;
        }

        await transaction.CommitAsync(cancellationToken);
        return new LedgerWriteResult(inserted, superseded, unchanged);
    }

    public async Task<LedgerEntry?> FindAsync(string bucket, string key, string? versionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        ArgumentNullException.ThrowIfNull(key);
        await using SqliteConnection connection = await OpenAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {SqliteLedgerRows.EntryColumns} FROM ledger_objects
            WHERE bucket = @bucket AND key = @key AND version_id = @version_id;
            """;
        command.Parameters.Bind("@bucket", bucket);
        command.Parameters.Bind("@key", key);
        command.Parameters.Bind("@version_id", LedgerBatch.VersionKey(versionId));
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? SqliteLedgerRows.Read(reader) : null;
    }

    public async Task<IReadOnlyList<LedgerEntry>> ListAsync(LedgerQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        await using SqliteConnection connection = await OpenAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {SqliteLedgerRows.EntryColumns} FROM ledger_objects
            WHERE {LedgerBatch.ListFilter(query, "@dataset", "@state")}
            ORDER BY first_seen, key, bucket, version_id
            LIMIT @limit;
            """;
        command.Parameters.Bind("@dataset", query.Dataset);
        command.Parameters.Bind("@state", query.State?.ToString());
        command.Parameters.Bind("@limit", query.Limit);

        var entries = new List<LedgerEntry>();
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(SqliteLedgerRows.Read(reader));
        }

        return entries;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnections.ClearPool(_connectionString);
        return ValueTask.CompletedTask;
    }

    private static SqliteCommand CreateCommand(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void BindUpsert(SqliteParameterCollection parameters, LedgerRecord record, string now)
    {
        parameters.Clear();
        parameters.Bind("@bucket", record.Event.Bucket);
        parameters.Bind("@key", record.Event.Key);
        parameters.Bind("@version_id", LedgerBatch.VersionKey(record.Event.VersionId));
        parameters.Bind("@sequencer", record.Event.Sequencer);
        parameters.Bind("@sequencer_order", LedgerBatch.SequencerKey(record.Event.Sequencer));
        parameters.Bind("@event_name", record.Event.EventName);
        parameters.Bind("@event_time", SqliteLedgerRows.FormatTime(record.Event.EventTime));
        parameters.Bind("@size", record.Event.Size);
        parameters.Bind("@etag", record.Event.ETag);
        parameters.Bind("@dataset", record.Dataset);
        parameters.Bind("@partition_path", record.Partition);
        parameters.Bind("@state", record.State.ToString());
        parameters.Bind("@reject_reason", record.RejectReason);
        parameters.Bind("@now", now);
    }

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) =>
        SqliteConnections.OpenAsync(_connectionString, cancellationToken);
}
