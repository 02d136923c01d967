using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Orchestrator.Ingestion;

/// <summary>
/// The ingestion component's one ActivitySource and one Meter. Tags are low-cardinality by design: dataset names and reasons,
/// never object keys or message ids (those go on spans).
/// </summary>
internal static class IngestionTelemetry
{
    public const string Name = "Orchestrator.Ingestion";

    private static readonly string? Version = typeof(IngestionTelemetry).Assembly.GetName().Version?.ToString();

    public static readonly ActivitySource Source = new(Name, Version);

    private static readonly Meter Meter = new(Name, Version);

    public static readonly Counter<long> MessagesReceived =
        Meter.CreateCounter<long>("orchestrator.messages.received", "{message}", "SQS messages received.");

    public static readonly Counter<long> MessagesDeleted =
        Meter.CreateCounter<long>("orchestrator.messages.deleted", "{message}", "SQS messages deleted after what they carried was durable.");

    public static readonly Counter<long> MessagesFailed =
        Meter.CreateCounter<long>("orchestrator.messages.failed", "{message}",
            "Messages left on the queue to be retried or dead-lettered, by reason (unparseable, store_error, delete_failed, shutdown).");

    public static readonly Counter<long> MessagesIgnored =
        Meter.CreateCounter<long>("orchestrator.messages.ignored", "{message}",
            "Messages acknowledged without objects, by reason (test_event, unsupported_event).");

    public static readonly Counter<long> MessagesReleased =
        Meter.CreateCounter<long>("orchestrator.messages.released", "{message}",
            "Messages made visible again at once (visibility 0) because they were not started before shutdown.");

    public static readonly Counter<long> ObjectsRecorded =
        Meter.CreateCounter<long>("orchestrator.objects.recorded", "{object}",
            "Object events written to the ledger, by dataset and state (pending, rejected, removed).");

    public static readonly Counter<long> ObjectsRejected =
        Meter.CreateCounter<long>("orchestrator.objects.rejected", "{object}", "Objects kept out of the catalog, by reason.");

    public static readonly Counter<long> ObjectsDuplicate =
        Meter.CreateCounter<long>("orchestrator.objects.duplicates", "{object}",
            "Object events the ledger already had (redelivery, duplicates, stale sequencers): no effect.");

    public static readonly Histogram<double> NotificationLag =
        Meter.CreateHistogram<double>("orchestrator.notification.lag", "s", "Now minus the S3 event time when the message is handled.");

    public static readonly Histogram<double> LedgerWriteDuration =
        Meter.CreateHistogram<double>("orchestrator.ledger.write.duration", "s", "Time to write one receive batch to the ledger.");

    public static readonly UpDownCounter<long> InFlight =
        Meter.CreateUpDownCounter<long>("orchestrator.messages.in_flight", "{message}", "Messages received and not yet finished.");

    public static readonly Counter<long> VisibilityExtensions =
        Meter.CreateCounter<long>("orchestrator.messages.visibility_extended", "{message}",
            "Heartbeat extensions of messages still being handled.");
}
