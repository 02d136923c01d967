namespace Orchestrator.Jobs.Ledger;

/// <summary>
/// The durable record of every object seen. Idempotent on (bucket, key, version id): a repeated event changes nothing
/// but its delivery count, and an event with a later S3 sequencer for the same object supersedes the stored one.
/// Two implementations: SQLite (embedded default) and PostgreSQL (scale-out); one test suite runs against both.
/// Create one with <see cref="ObjectLedgerFactory"/>; dispose it to release its connections.
/// </summary>
public interface IObjectLedger : IAsyncDisposable
{
    /// <summary>Creates or upgrades the schema. Safe to call from several processes at once.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Writes a receive batch in one transaction: all of it is durable when this returns, or none of it.</summary>
    Task<LedgerWriteResult> RecordAsync(IReadOnlyList<LedgerRecord> records, CancellationToken cancellationToken);

    /// <summary>The stored entry for one object version, or null.</summary>
    Task<LedgerEntry?> FindAsync(string bucket, string key, string? versionId, CancellationToken cancellationToken);

    /// <summary>Entries matching the query, oldest first.</summary>
    Task<IReadOnlyList<LedgerEntry>> ListAsync(LedgerQuery query, CancellationToken cancellationToken);
}
