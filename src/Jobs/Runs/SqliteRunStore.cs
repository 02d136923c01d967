using System.Text.Json;
using Microsoft.Data.Sqlite;
using Orchestrator.Jobs.Ledger;

namespace Orchestrator.Jobs.Runs;

/// <summary>
/// The run store in the ledger's SQLite file. Every write runs in a <c>BEGIN IMMEDIATE</c> transaction: the file's write
/// lock is taken up front, so a check-then-write (admission) cannot interleave with another process's, and the unique
/// index over active runs is the backstop if it ever did.
/// </summary>
internal sealed class SqliteRunStore : IRunStore
{
    private const string SelectRun = $"SELECT {RunColumns.All} FROM glue_runs";

    private readonly string _connectionString;
    private readonly TimeProvider _time;

    public SqliteRunStore(string connectionString, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _connectionString = SqliteConnections.FileConnectionString(connectionString, nameof(connectionString));
        _time = time;
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        // Lineage updates ledger_objects.run_id, so the ledger's schema comes first; both steps are idempotent and serialized
        // by the write lock, so this may run before, after or while the ledger initializes.
        DateTimeOffset now = _time.GetUtcNow();
        await using SqliteConnection connection = await OpenAsync(cancellationToken);
        await SqliteConnections.UseWalAsync(connection, cancellationToken);
        await SqliteLedgerMigrations.ApplyAsync(connection, now, cancellationToken);
        await SqliteLedgerMigrations.ApplyAsync(connection, RunRules.SchemaComponent, SqliteRunMigrations.All, now, cancellationToken);
    }

    public async Task<RunAdmission> AdmitAsync(GlueRun run, CancellationToken cancellationToken)
    {
        GlueRun stored = RunRules.ForAdmission(run);
        string now = SqliteRunRows.Time(RunRules.Stored(_time.GetUtcNow()));
        await using SqliteConnection connection = await OpenAsync(cancellationToken);
        await using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
        await using SqliteCommand command = Command(connection, transaction, "SELECT 1 FROM glue_runs WHERE run_id = @run_id;");
        command.Parameters.Bind("@run_id", SqliteRunRows.Id(stored.RunId));
        if (await command.ExecuteScalarAsync(cancellationToken) is not null)
        {
            throw RunRules.DuplicateRunId(stored.RunId);
        }

        command.Parameters.Clear();
        command.CommandText = $"""
            UPDATE glue_runs SET follow_up_requested = 1, updated_at = @now,
                follow_up_trace_parents = NULLIF(substr(trim(COALESCE(follow_up_trace_parents, '') || ' ' || COALESCE(@trace_parents, '')),
                                                        1, {Tracing.RunTrace.MaxTraceParentsLength}), '')
            WHERE job_name = @job_name AND state IN {RunRules.ActiveStates}
            RETURNING {RunColumns.All};
            """;
        command.Parameters.Bind("@job_name", stored.JobName);
        command.Parameters.Bind("@now", now);
        command.Parameters.Bind("@trace_parents", stored.TraceParents);
        GlueRun? active = await ReadSingleAsync(command, cancellationToken);
        if (active is not null)
        {
            await transaction.CommitAsync(cancellationToken);
            return new RunAdmission(false, active);
        }

        command.Parameters.Clear();
        command.CommandText = $"""
            INSERT INTO glue_runs ({RunColumns.All}, updated_at)
            VALUES (@run_id, @dataset, @job_name, @trigger, @state, @attempt, @bookmark_option, @requested_at, @job_run_id,
                    @glue_state, @started_at, @completed_at, @error, @dpu_seconds, @follow_up_requested, @trace_parents,
                    @follow_up_trace_parents, @now);
            """;
        command.Parameters.Bind("@run_id", SqliteRunRows.Id(stored.RunId));
        command.Parameters.Bind("@dataset", stored.Dataset);
        command.Parameters.Bind("@job_name", stored.JobName);
        command.Parameters.Bind("@trigger", stored.Trigger.ToString());
        command.Parameters.Bind("@state", stored.State.ToString());
        command.Parameters.Bind("@attempt", stored.Attempt);
        command.Parameters.Bind("@bookmark_option", stored.BookmarkOption);
        command.Parameters.Bind("@requested_at", SqliteRunRows.Time(stored.RequestedAt));
        command.Parameters.Bind("@job_run_id", stored.JobRunId);
        command.Parameters.Bind("@glue_state", stored.GlueState);
        command.Parameters.Bind("@started_at", SqliteRunRows.Time(stored.StartedAt));
        command.Parameters.Bind("@completed_at", SqliteRunRows.Time(stored.CompletedAt));
        command.Parameters.Bind("@error", stored.Error);
        command.Parameters.Bind("@dpu_seconds", stored.DpuSeconds);
        command.Parameters.Bind("@follow_up_requested", stored.FollowUpRequested ? 1 : 0);
        command.Parameters.Bind("@trace_parents", stored.TraceParents);
        command.Parameters.Bind("@follow_up_trace_parents", stored.FollowUpTraceParents);
        command.Parameters.Bind("@now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RunAdmission(true, stored);
    }

    public async Task<bool> MarkStartingAsync(Guid runId, CancellationToken cancellationToken) =>
        await WriteAsync(
            "UPDATE glue_runs SET state = 'Starting', updated_at = @now WHERE run_id = @run_id AND state = 'Requested';",
            p => p.Bind("@run_id", SqliteRunRows.Id(runId)),
            cancellationToken) == 1;

    public async Task MarkRunningAsync(Guid runId, string jobRunId, DateTimeOffset? startedAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobRunId);
        await using SqliteConnection connection = await OpenAsync(cancellationToken);
        await using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
        await using SqliteCommand command = Command(connection, transaction, """
            UPDATE glue_runs SET state = 'Running', job_run_id = @job_run_id, started_at = COALESCE(@started_at, started_at),
                                 updated_at = @now
            WHERE run_id = @run_id AND state IN ('Requested', 'Starting');
            """);
        command.Parameters.Bind("@run_id", SqliteRunRows.Id(runId));
        command.Parameters.Bind("@job_run_id", jobRunId);
        command.Parameters.Bind("@started_at", SqliteRunRows.Time(RunRules.Stored(startedAt)));
        command.Parameters.Bind("@now", Now());
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            command.Parameters.Clear();
            command.CommandText = $"{SelectRun} WHERE run_id = @run_id;";
            command.Parameters.Bind("@run_id", SqliteRunRows.Id(runId));
            RunRules.EnsureSameJobRun(runId, await ReadSingleAsync(command, cancellationToken), jobRunId);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task UpdateGlueStateAsync(Guid runId, string glueState, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(glueState);

        // Only while active: a poll that lands after completion must not overwrite the final state.
        await WriteAsync(
            $"""
            UPDATE glue_runs SET glue_state = @glue_state, updated_at = @now
            WHERE run_id = @run_id AND state IN {RunRules.ActiveStates};
            """,
            p =>
            {
                p.Bind("@run_id", SqliteRunRows.Id(runId));
                p.Bind("@glue_state", glueState);
            },
            cancellationToken);
    }

    public async Task<GlueRun?> CompleteAsync(Guid runId, RunState outcome, string? glueState, string? errorMessage,
        DateTimeOffset completedAt, double? dpuSeconds, CancellationToken cancellationToken)
    {
        RunRules.EnsureOutcome(outcome);
        await using SqliteConnection connection = await OpenAsync(cancellationToken);
        await using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
        await using SqliteCommand command = Command(connection, transaction, $"""
            UPDATE glue_runs SET state = @state, glue_state = COALESCE(@glue_state, glue_state), error = @error,
                                 completed_at = @completed_at, dpu_seconds = @dpu_seconds, updated_at = @now
            WHERE run_id = @run_id AND state IN {RunRules.ActiveStates}
            RETURNING {RunColumns.All};
            """);
        command.Parameters.Bind("@run_id", SqliteRunRows.Id(runId));
        command.Parameters.Bind("@state", outcome.ToString());
        command.Parameters.Bind("@glue_state", glueState);
        command.Parameters.Bind("@error", errorMessage);
        command.Parameters.Bind("@completed_at", SqliteRunRows.Time(RunRules.Stored(completedAt)));
        command.Parameters.Bind("@dpu_seconds", dpuSeconds);
        command.Parameters.Bind("@now", Now());
        GlueRun? completed = await ReadSingleAsync(command, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return completed;
    }

    public async Task<GlueRun?> GetAsync(Guid runId, CancellationToken cancellationToken)
    {
        IReadOnlyList<GlueRun> runs = await QueryAsync($"{SelectRun} WHERE run_id = @run_id;",
            p => p.Bind("@run_id", SqliteRunRows.Id(runId)), cancellationToken);
        return runs.Count == 0 ? null : runs[0];
    }

    public Task<IReadOnlyList<GlueRun>> ListActiveAsync(CancellationToken cancellationToken) =>
        QueryAsync($"{SelectRun} WHERE state IN {RunRules.ActiveStates} ORDER BY requested_at, run_id;", _ => { }, cancellationToken);

    public Task<IReadOnlyList<GlueRun>> ListAsync(string? dataset, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        string filter = dataset is null ? string.Empty : "WHERE dataset = @dataset";
        return QueryAsync($"{SelectRun} {filter} ORDER BY requested_at DESC, run_id DESC LIMIT @limit;", p =>
        {
            p.Bind("@dataset", dataset);
            p.Bind("@limit", limit);
        }, cancellationToken);
    }

    public Task<int> ClaimObjectsAsync(Guid runId, string dataset, CancellationToken cancellationToken, bool registeredOnly = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataset);
        return WriteAsync($"""
            UPDATE ledger_objects SET run_id = @run_id
            WHERE dataset = @dataset AND state IN {RunRules.ClaimableObjectStates} AND run_id IS NULL{(registeredOnly ? RunRules.RegisteredOnly : "")};
            """,
            p =>
            {
                p.Bind("@run_id", SqliteRunRows.Id(runId));
                p.Bind("@dataset", dataset);
            },
            cancellationToken);
    }

    public Task<int> MarkObjectsProcessedAsync(Guid runId, CancellationToken cancellationToken) => WriteAsync($"""
        UPDATE ledger_objects SET state = 'Processed' WHERE run_id = @run_id AND state IN {RunRules.ClaimableObjectStates};
        """,
        p => p.Bind("@run_id", SqliteRunRows.Id(runId)),
        cancellationToken);

    public Task<int> ReleaseObjectsAsync(Guid runId, CancellationToken cancellationToken) => WriteAsync("""
        UPDATE ledger_objects SET run_id = NULL WHERE run_id = @run_id AND state <> 'Processed';
        """,
        p => p.Bind("@run_id", SqliteRunRows.Id(runId)),
        cancellationToken);

    public async Task<IReadOnlyList<string>> PendingPartitionsAsync(string dataset, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataset);
        await using SqliteConnection connection = await OpenAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = """
            SELECT DISTINCT partition_path FROM ledger_objects
            WHERE dataset = @dataset AND state = 'Pending' AND partition_path IS NOT NULL
            ORDER BY partition_path;
            """;
        command.Parameters.Bind("@dataset", dataset);
        var partitions = new List<string>();
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
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

        await using SqliteConnection connection = await OpenAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = """
            SELECT DISTINCT partition_path FROM ledger_objects
            WHERE dataset = @dataset AND state IN ('Registered', 'Processed')
              AND partition_path IN (SELECT value FROM json_each(@partitions))
            ORDER BY partition_path;
            """;
        command.Parameters.Bind("@dataset", dataset);
        command.Parameters.Bind("@partitions", JsonSerializer.Serialize(partitions));
        var registered = new List<string>();
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
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

        // One JSON array parameter instead of a parameter per partition: SQLite limits the number of parameters.
        return await WriteAsync("""
            UPDATE ledger_objects SET state = 'Registered'
            WHERE dataset = @dataset AND state = 'Pending' AND partition_path IN (SELECT value FROM json_each(@partitions));
            """,
            p =>
            {
                p.Bind("@dataset", dataset);
                p.Bind("@partitions", JsonSerializer.Serialize(partitions));
            },
            cancellationToken);
    }

    public async Task<int> CountObjectsAsync(string dataset, ObjectState state, Guid? runId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataset);
        await using SqliteConnection connection = await OpenAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        string runFilter = runId is null ? string.Empty : "AND run_id = @run_id";
        command.CommandText = $"SELECT COUNT(*) FROM ledger_objects WHERE dataset = @dataset AND state = @state {runFilter};";
        command.Parameters.Bind("@dataset", dataset);
        command.Parameters.Bind("@state", state.ToString());
        command.Parameters.Bind("@run_id", runId is { } id ? SqliteRunRows.Id(id) : null);
        return checked((int)(long)(await command.ExecuteScalarAsync(cancellationToken))!);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnections.ClearPool(_connectionString);
        return ValueTask.CompletedTask;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static async Task<GlueRun?> ReadSingleAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? SqliteRunRows.Read(reader) : null;
    }

    /// <summary>One statement in its own immediate transaction; <c>@now</c> is bound to the clock. Returns the rows changed.</summary>
    private async Task<int> WriteAsync(string sql, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await OpenAsync(cancellationToken);
        await using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
        await using SqliteCommand command = Command(connection, transaction, sql);
        bind(command.Parameters);
        command.Parameters.Bind("@now", Now()); // SQLite ignores a parameter the statement does not name.
        int changed = await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    private async Task<IReadOnlyList<GlueRun>> QueryAsync(string sql, Action<SqliteParameterCollection> bind,
        CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await OpenAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command.Parameters);
        var runs = new List<GlueRun>();
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(SqliteRunRows.Read(reader));
        }

        return runs;
    }

    private string Now() => SqliteRunRows.Time(RunRules.Stored(_time.GetUtcNow()));

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) =>
        SqliteConnections.OpenAsync(_connectionString, cancellationToken);
}
