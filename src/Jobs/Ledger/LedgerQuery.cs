namespace Orchestrator.Jobs.Ledger;

/// <summary>A filter over ledger entries; null members match everything.</summary>
public sealed record LedgerQuery(string? Dataset = null, ObjectState? State = null, int Limit = 10_000);
