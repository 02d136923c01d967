using Npgsql;
using Orchestrator.Jobs.Ledger;

namespace Orchestrator.Jobs.Runs;

/// <summary>
/// The run store in the ledger's PostgreSQL database, for several processes. Admission is one
/// <c>INSERT … ON CONFLICT (job_name) WHERE &lt;active&gt; DO UPDATE</c>: the unique index over active runs is the arbiter,
/// so insert-or-coalesce is decided atomically on the index, never on an earlier read another process could invalidate.
/// </summary>
internal sealed class PostgresRunStore : IRunStore
{
    private const string SelectRun = $"SELECT {RunColumns.All} FROM glue_runs";

    // $1..$17 are the run's fields in RunColumns order, $18 the clock. A returned row with our run id is the insert; another
    // id is the active run we coalesced into, whose follow-up inherits our trace parents (bounded, whole entries: each is 55
    // characters and a space). The DO UPDATE's WHERE keeps a re-admitted id from marking itself (no row).
    private static readonly string AdmitSql = $"""
        INSERT INTO glue_runs AS r ({RunColumns.All}, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
        ON CONFLICT (job_name) WHERE state IN {RunRules.ActiveStates}
        DO UPDATE SET follow_up_requested = true, updated_at = excluded.updated_at,
            follow_up_trace_parents = NULLIF(left(btrim(COALESCE(r.follow_up_trace_parents, '') || ' ' || COALESCE(excluded.trace_parents, '')),
                                                  {Tracing.RunTrace.MaxTraceParentsLength}), '')
        WHERE r.run_id <> excluded.run_id
        RETURNING {RunColumns.All}
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;

    public PostgresRunStore(string connectionString, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(time);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _time = time;
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        // Lineage updates ledger_objects.run_id, so the ledger's schema comes first. Both take the shared advisory lock, so
        // this may run before, after or while the ledger initializes, from any number of processes.
        DateTimeOffset now = _time.GetUtcNow();
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await PostgresLedgerMigrations.ApplyAsync(connection, now, cancellationToken);
        await PostgresLedgerMigrations.ApplyAsync(connection, RunRules.SchemaComponent, PostgresRunMigrations.All, now, cancellationToken);
    }

    public async Task<RunAdmission> AdmitAsync(GlueRun run, CancellationToken cancellationToken)
    {
        GlueRun stored = RunRules.ForAdmission(run);
        await using NpgsqlCommand command = _dataSource.CreateCommand(AdmitSql);
        command.Parameters.Uuid(stored.RunId);
        command.Parameters.Text(stored.Dataset);
        command.Parameters.Text(stored.JobName);
        command.Parameters.Text(stored.Trigger.ToString());
        command.Parameters.Text(stored.State.ToString());
        command.Parameters.Integer(stored.Attempt);
        command.Parameters.Text(stored.BookmarkOption);
        command.Parameters.Timestamp(stored.RequestedAt);
        command.Parameters.Text(stored.JobRunId);
        command.Parameters.Text(stored.GlueState);
        command.Parameters.NullableTimestamp(stored.StartedAt);
        command.Parameters.NullableTimestamp(stored.CompletedAt);
        command.Parameters.Text(stored.Error);
        command.Parameters.Double(stored.DpuSeconds);
        command.Parameters.Boolean(stored.FollowUpRequested);
        command.Parameters.Text(stored.TraceParents);
        command.Parameters.Text(stored.FollowUpTraceParents);
        command.Parameters.Timestamp(RunRules.Stored(_time.GetUtcNow()));

        GlueRun? returned;
        try
        {
            returned = await ReadSingleAsync(command, cancellationToken);
        }
        catch (PostgresException e) when (e is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "glue_runs_pkey" })
        {
            throw RunRules.DuplicateRunId(stored.RunId, e);
        }

        return returned switch
        {
            null => throw RunRules.DuplicateRunId(stored.RunId),
            _ when returned.RunId == stored.RunId => new RunAdmission(true, returned),
            _ => new RunAdmission(false, returned),
        };
    }

    public async Task<bool> MarkStartingAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = _dataSource.CreateCommand(
            "UPDATE glue_runs SET state = 'Starting', updated_at = $2 WHERE run_id = $1 AND state = 'Requested'");
        command.Parameters.Uuid(runId);
        command.Parameters.Timestamp(Now());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task MarkRunningAsync(Guid runId, string jobRunId, DateTimeOffset? startedAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobRunId);
        await using NpgsqlCommand command = _dataSource.CreateCommand("""
            UPDATE glue_runs SET state = 'Running', job_run_id = $2, started_at = COALESCE($3, started_at), updated_at = $4
            WHERE run_id = $1 AND state IN ('Requested', 'Starting')
            """);
        command.Parameters.Uuid(runId);
        command.Parameters.Text(jobRunId);
        command.Parameters.NullableTimestamp(RunRules.Stored(startedAt));
        command.Parameters.Timestamp(Now());
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            return;
        }

        // Not Requested or Starting: once a run has a job run id nothing changes it, so this later read cannot be outdated.
        RunRules.EnsureSameJobRun(runId, await GetAsync(runId, cancellationToken), jobRunId);
    }

    public async Task UpdateGlueStateAsync(Guid runId, string glueState, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(glueState);

        // Only while active: a poll that lands after completion must not overwrite the final state.
        await using NpgsqlCommand command = _dataSource.CreateCommand(
            $"UPDATE glue_runs SET glue_state = $2, updated_at = $3 WHERE run_id = $1 AND state IN {RunRules.ActiveStates}");
        command.Parameters.Uuid(runId);
        command.Parameters.Text(glueState);
        command.Parameters.Timestamp(Now());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<GlueRun?> CompleteAsync(Guid runId, RunState outcome, string? glueState, string? errorMessage,
        DateTimeOffset completedAt, double? dpuSeconds, CancellationToken cancellationToken)
    {
        RunRules.EnsureOutcome(outcome);

        // The state guard makes this a compare-and-set: of two tasks completing the same run, the second updates nothing.
        await using NpgsqlCommand command = _dataSource.CreateCommand($"""
            UPDATE glue_runs SET state = $2, glue_state = COALESCE($3, glue_state), error = $4, completed_at = $5,
                                 dpu_seconds = $6, updated_at = $7
            WHERE run_id = $1 AND state IN {RunRules.ActiveStates}
            RETURNING {RunColumns.All}
            """);
        command.Parameters.Uuid(runId);
        command.Parameters.Text(outcome.ToString());
        command.Parameters.Text(glueState);
        command.Parameters.Text(errorMessage);
        command.Parameters.Timestamp(RunRules.Stored(completedAt));
        command.Parameters.Double(dpuSeconds);
        command.Parameters.Timestamp(Now());
        return await ReadSingleAsync(command, cancellationToken);
    }

    public async Task<GlueRun?> GetAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = _dataSource.CreateCommand($"{SelectRun} WHERE run_id = $1");
        command.Parameters.Uuid(runId);
        return await ReadSingleAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<GlueRun>> ListActiveAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = _dataSource.CreateCommand(
            $"{SelectRun} WHERE state IN {RunRules.ActiveStates} ORDER BY requested_at, run_id");
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<GlueRun>> ListAsync(string? dataset, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        string filter = dataset is null ? string.Empty : "WHERE dataset = $2";
        await using NpgsqlCommand command = _dataSource.CreateCommand(
            $"{SelectRun} {filter} ORDER BY requested_at DESC, run_id DESC LIMIT $1");

        // Positional parameters must all be sent even when the filter leaves one out; typed, PostgreSQL accepts that.
        command.Parameters.Bigint(limit);
        command.Parameters.Text(dataset);
        return await ReadAllAsync(command, cancellationToken);
    }

    public Task<int> ClaimObjectsAsync(Guid runId, string dataset, CancellationToken cancellationToken, bool registeredOnly = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataset);
        return UpdateObjectsAsync(
            $"dataset = $2 AND state IN {RunRules.ClaimableObjectStates} AND run_id IS NULL{(registeredOnly ? RunRules.RegisteredOnly : "")}", "run_id = $1",
            p =>
            {
                p.Uuid(runId);
                p.Text(dataset);
            },
            cancellationToken);
    }

    public Task<int> MarkObjectsProcessedAsync(Guid runId, CancellationToken cancellationToken) => UpdateObjectsAsync(
        $"run_id = $1 AND state IN {RunRules.ClaimableObjectStates}", "state = 'Processed'", p => p.Uuid(runId), cancellationToken);

    public Task<int> ReleaseObjectsAsync(Guid runId, CancellationToken cancellationToken) => UpdateObjectsAsync(
        "run_id = $1 AND state <> 'Processed'", "run_id = NULL", p => p.Uuid(runId), cancellationToken);

    public async Task<IReadOnlyList<string>> PendingPartitionsAsync(string dataset, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataset);

        // Byte order, as SQLite sorts, whatever the database's default collation.
        await using NpgsqlCommand command = _dataSource.CreateCommand("""
            SELECT DISTINCT partition_path COLLATE "C" AS partition_path FROM ledger_objects
            WHERE dataset = $1 AND state = 'Pending' AND partition_path IS NOT NULL
            ORDER BY 1
            """);
        command.Parameters.Text(dataset);
        var partitions = new List<string>();
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            partitions.Add(reader.GetString(0));
        }

        return partitions;
    }

    public async Task<IReadOnlyList<string>> RegisteredPartitionsAsync(string dataset, IReadOnlyCollection<string> partitions,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataset);
        ArgumentNullException.ThrowIfNull(partitions);
        if (partitions.Count == 0)
        {
            return [];
        }

        await using NpgsqlCommand command = _dataSource.CreateCommand("""
            SELECT DISTINCT partition_path COLLATE "C" AS partition_path FROM ledger_objects
            WHERE dataset = $1 AND state IN ('Registered', 'Processed') AND partition_path = ANY($2)
            ORDER BY 1
            """);
        command.Parameters.Text(dataset);
        command.Parameters.TextArray(partitions);
        var registered = new List<string>();
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            registered.Add(reader.GetString(0));
        }

        return registered;
    }

    public async Task<int> MarkPartitionsRegisteredAsync(string dataset, IReadOnlyCollection<string> partitions,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataset);
        ArgumentNullException.ThrowIfNull(partitions);
        if (partitions.Count == 0)
        {
            return 0;
        }

        return await UpdateObjectsAsync(
            "dataset = $1 AND state = 'Pending' AND partition_path = ANY($2)", "state = 'Registered'",
            p =>
            {
                p.Text(dataset);
                p.TextArray(partitions);
            },
            cancellationToken);
    }

    public async Task<int> CountObjectsAsync(string dataset, ObjectState state, Guid? runId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataset);
        string runFilter = runId is null ? string.Empty : "AND run_id = $3";
        await using NpgsqlCommand command = _dataSource.CreateCommand(
            $"SELECT COUNT(*) FROM ledger_objects WHERE dataset = $1 AND state = $2 {runFilter}");
        command.Parameters.Text(dataset);
        command.Parameters.Text(state.ToString());
        command.Parameters.NullableUuid(runId);
        return checked((int)(long)(await command.ExecuteScalarAsync(cancellationToken))!);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static async Task<GlueRun?> ReadSingleAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? PostgresRunRows.Read(reader) : null;
    }

    private static async Task<IReadOnlyList<GlueRun>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var runs = new List<GlueRun>();
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(PostgresRunRows.Read(reader));
        }

        return runs;
    }

    /// <summary>
    /// Updates the ledger rows matching <paramref name="where"/>, locking them first in the ledger's lock order (bucket, key,
    /// version). The ledger's batches lock rows in that order too, so a lineage update and a concurrent ingestion batch
    /// queue behind each other instead of deadlocking. The condition is repeated on the update so that PostgreSQL re-checks
    /// it against a row another transaction changed meanwhile.
    /// </summary>
    private async Task<int> UpdateObjectsAsync(string where, string set, Action<NpgsqlParameterCollection> bind,
        CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = _dataSource.CreateCommand($"""
            WITH target AS (
                SELECT bucket, key, version_id FROM ledger_objects
                WHERE {where}
                ORDER BY bucket, key, version_id
                FOR UPDATE
            )
            UPDATE ledger_objects AS o SET {set}
            FROM target AS t
            WHERE o.bucket = t.bucket AND o.key = t.key AND o.version_id = t.version_id AND {where}
            """);
        bind(command.Parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DateTimeOffset Now() => RunRules.Stored(_time.GetUtcNow());
}
