namespace Orchestrator.Jobs.Ledger;

/// <summary>One object as the ledger holds it: the latest event for (bucket, key, version).</summary>
public sealed record LedgerEntry(
    string Bucket,
    string Key,
    string? VersionId,
    string? Sequencer,
    string EventName,
    DateTimeOffset EventTime,
    long? Size,
    string? ETag,
    string? Dataset,
    string? Partition,
    ObjectState State,
    string? RejectReason,
    int Deliveries,
    DateTimeOffset FirstSeen,
    DateTimeOffset UpdatedAt);
