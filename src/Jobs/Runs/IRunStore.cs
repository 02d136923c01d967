namespace Orchestrator.Jobs.Runs;

/// <summary>
/// Durable record of Glue run requests and their lineage, in the same database as the ledger (SQLite or PostgreSQL).
/// The invariant that protects job bookmarks — at most one active run per Glue job — is enforced by the database itself
/// (a unique index over active runs), so it holds across tasks in a cluster.
/// </summary>
public interface IRunStore : IAsyncDisposable
{
    /// <summary>Creates or upgrades the schema; safe from several processes at once.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: when the job has no active run, inserts <paramref name="run"/> (state Requested) and returns it
    /// as admitted; otherwise sets FollowUpRequested on the active run and returns that run, not admitted.
    /// </summary>
    Task<RunAdmission> AdmitAsync(GlueRun run, CancellationToken cancellationToken);

    /// <summary>Moves a run to Starting (before StartJobRun is called). Returns false if it is not Requested.</summary>
    Task<bool> MarkStartingAsync(Guid runId, CancellationToken cancellationToken);

    /// <summary>Records Glue's JobRunId (state Running). Persisted before anything else happens after StartJobRun returns.</summary>
    Task MarkRunningAsync(Guid runId, string jobRunId, DateTimeOffset? startedAt, CancellationToken cancellationToken);

    /// <summary>Records Glue's latest non-terminal state (e.g. WAITING, RUNNING) without changing ours.</summary>
    Task UpdateGlueStateAsync(Guid runId, string glueState, CancellationToken cancellationToken);

    /// <summary>
    /// Ends an active run (Succeeded or Failed) with Glue's details and returns it as stored, including whether a follow-up
    /// was requested. Returns null when the run was not active (already completed by another task): the caller does nothing.
    /// </summary>
    Task<GlueRun?> CompleteAsync(Guid runId, RunState outcome, string? glueState, string? errorMessage, DateTimeOffset completedAt,
        double? dpuSeconds, CancellationToken cancellationToken);

    /// <summary>One run, or null.</summary>
    Task<GlueRun?> GetAsync(Guid runId, CancellationToken cancellationToken);

    /// <summary>Every active run (for reattaching after a restart).</summary>
    Task<IReadOnlyList<GlueRun>> ListActiveAsync(CancellationToken cancellationToken);

    /// <summary>Runs, newest first, optionally for one dataset.</summary>
    Task<IReadOnlyList<GlueRun>> ListAsync(string? dataset, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Lineage: assigns every Pending or Registered object of the dataset that no run has taken yet to this run; returns how
    /// many. Objects arriving later stay unassigned and go to the next run. With <paramref name="registeredOnly"/> (a dataset
    /// with a raw table) a Pending object with a partition is left for the next run: it arrived after this run read the
    /// partitions to register, so its partition may not be in the catalog yet and the job would not see it.
    /// </summary>
    Task<int> ClaimObjectsAsync(Guid runId, string dataset, CancellationToken cancellationToken, bool registeredOnly = false);

    /// <summary>On success: the run's objects become Processed (they keep the run id).</summary>
    Task<int> MarkObjectsProcessedAsync(Guid runId, CancellationToken cancellationToken);

    /// <summary>On failure: the run's objects are unassigned again so the next run takes them.</summary>
    Task<int> ReleaseObjectsAsync(Guid runId, CancellationToken cancellationToken);

    /// <summary>Distinct partitions (canonical hive paths) of the dataset's Pending objects: what still needs registering.</summary>
    Task<IReadOnlyList<string>> PendingPartitionsAsync(string dataset, CancellationToken cancellationToken);

    /// <summary>
    /// Those of <paramref name="partitions"/> that the ledger already marked as in the catalog: an object of the dataset in the
    /// partition is Registered or Processed. Registering them again would only be told AlreadyExists.
    /// </summary>
    Task<IReadOnlyList<string>> RegisteredPartitionsAsync(string dataset, IReadOnlyCollection<string> partitions, CancellationToken cancellationToken);

    /// <summary>Pending objects of the dataset in these partitions become Registered.</summary>
    Task<int> MarkPartitionsRegisteredAsync(string dataset, IReadOnlyCollection<string> partitions, CancellationToken cancellationToken);

    /// <summary>Objects of the dataset in a state, for lineage queries and tests (e.g. how many a run took).</summary>
    Task<int> CountObjectsAsync(string dataset, Ledger.ObjectState state, Guid? runId, CancellationToken cancellationToken);
}
