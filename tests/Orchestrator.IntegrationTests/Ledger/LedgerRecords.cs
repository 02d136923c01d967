using Orchestrator.Jobs.Ledger;
using Orchestrator.Jobs.Objects;

namespace Orchestrator.IntegrationTests.Ledger;

/// <summary>Ledger records as ingestion would build them, and the entries the ledger should hold for them.</summary>
internal static class LedgerRecords
{
    public const string Bucket = "landing-zone";
    public const string Sequencer = "0055AED6DCD90281E5";

    // Whole milliseconds: PostgreSQL keeps microseconds, so finer test values would not round-trip.
    public static readonly DateTimeOffset EventTime = new(2025, 2, 28, 23, 59, 58, 123, TimeSpan.Zero);

    public static LedgerRecord Created(
        string key, string? sequencer = Sequencer, string? versionId = null, string dataset = "sales") => new(
        new ObjectEvent(Bucket, key, ObjectChange.Created, "ObjectCreated:Put", EventTime, 1_024, "etag", versionId, sequencer),
        dataset,
        "year=2025/month=02",
        ObjectState.Pending,
        null);

    public static LedgerRecord Removed(string key, string? sequencer = Sequencer, string? versionId = null) => new(
        new ObjectEvent(
            Bucket, key, ObjectChange.Removed, "ObjectRemoved:Delete", EventTime.AddMinutes(5), null, null, versionId, sequencer),
        "sales",
        "year=2025/month=02",
        ObjectState.Removed,
        null);

    public static LedgerRecord Rejected(string key, string reason, string? sequencer = Sequencer) => new(
        new ObjectEvent(Bucket, key, ObjectChange.Created, "ObjectCreated:Put", EventTime, 10, "etag-rejected", null, sequencer),
        null,
        null,
        ObjectState.Rejected,
        reason);

    /// <summary>The entry the ledger must hold when <paramref name="record"/> is the event it kept.</summary>
    public static LedgerEntry Expected(LedgerRecord record, int deliveries, DateTimeOffset firstSeen, DateTimeOffset updatedAt) => new(
        record.Event.Bucket,
        record.Event.Key,
        record.Event.VersionId,
        record.Event.Sequencer,
        record.Event.EventName,
        record.Event.EventTime,
        record.Event.Size,
        record.Event.ETag,
        record.Dataset,
        record.Partition,
        record.State,
        record.RejectReason,
        deliveries,
        firstSeen,
        updatedAt);
}
