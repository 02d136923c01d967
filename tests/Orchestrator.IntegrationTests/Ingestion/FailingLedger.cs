using Orchestrator.Jobs.Ledger;

namespace Orchestrator.IntegrationTests.Ingestion;

/// <summary>The real ledger behind an outage: the first <c>failures</c> writes throw, as a dropped connection would.</summary>
internal sealed class FailingLedger(IObjectLedger inner, int failures) : IObjectLedger
{
    private int remaining = failures;

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public Task<LedgerWriteResult> RecordAsync(IReadOnlyList<LedgerRecord> records, CancellationToken cancellationToken) =>
        Interlocked.Decrement(ref remaining) >= 0
            ? throw new IOException("store unavailable (injected by the test)")
            : inner.RecordAsync(records, cancellationToken);

    public Task<LedgerEntry?> FindAsync(string bucket, string key, string? versionId, CancellationToken cancellationToken) =>
        inner.FindAsync(bucket, key, versionId, cancellationToken);

    public Task<IReadOnlyList<LedgerEntry>> ListAsync(LedgerQuery query, CancellationToken cancellationToken) => inner.ListAsync(query, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
