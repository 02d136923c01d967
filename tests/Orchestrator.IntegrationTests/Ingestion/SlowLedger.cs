using Orchestrator.Jobs.Ledger;

namespace Orchestrator.IntegrationTests.Ingestion;

/// <summary>The real ledger, made slow: a batch takes longer than the visibility timeout.</summary>
internal sealed class SlowLedger(IObjectLedger inner, TimeSpan delay) : IObjectLedger
{
    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public async Task<LedgerWriteResult> RecordAsync(IReadOnlyList<LedgerRecord> records, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, cancellationToken);
        return await inner.RecordAsync(records, cancellationToken);
    }

    public Task<LedgerEntry?> FindAsync(string bucket, string key, string? versionId, CancellationToken cancellationToken) =>
        inner.FindAsync(bucket, key, versionId, cancellationToken);

    public Task<IReadOnlyList<LedgerEntry>> ListAsync(LedgerQuery query, CancellationToken cancellationToken) => inner.ListAsync(query, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
