namespace Orchestrator.Ingestion.Notifications;

/// <summary>What an SQS message body turned out to be.</summary>
internal enum NotificationKind
{
    /// <summary>Object events (possibly none, when every record was of an ignored type).</summary>
    Objects,

    /// <summary>The <c>s3:TestEvent</c> S3 sends when a notification configuration is saved; safe to acknowledge.</summary>
    TestEvent,

    /// <summary>Not a notification we understand, or one with a malformed record; the message goes to the DLQ intact.</summary>
    Unparseable,
}
