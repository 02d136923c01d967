namespace Orchestrator.Jobs.Ledger;

/// <summary>What one batch write changed.</summary>
/// <param name="Inserted">Objects seen for the first time.</param>
/// <param name="Superseded">Existing objects replaced by an event with a later sequencer.</param>
/// <param name="Unchanged">Duplicates and stale (earlier-sequencer) events: only their delivery count moved.</param>
public sealed record LedgerWriteResult(int Inserted, int Superseded, int Unchanged)
{
    /// <summary>Nothing written.</summary>
    public static LedgerWriteResult Empty { get; } = new(0, 0, 0);
}
