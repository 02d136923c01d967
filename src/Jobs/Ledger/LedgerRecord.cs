using Orchestrator.Jobs.Objects;

namespace Orchestrator.Jobs.Ledger;

/// <summary>What ingestion asks the ledger to remember about one object event.</summary>
/// <param name="Event">The event.</param>
/// <param name="Dataset">The dataset it was routed to (null when no dataset matched).</param>
/// <param name="Partition">Canonical hive partition path, when accepted.</param>
/// <param name="State">Pending, Rejected or Removed on arrival.</param>
/// <param name="RejectReason">Reason and detail, when rejected.</param>
public sealed record LedgerRecord(ObjectEvent Event, string? Dataset, string? Partition, ObjectState State, string? RejectReason);
