namespace Orchestrator.Ingestion.Notifications;

/// <summary>How the notification reached the queue.</summary>
internal enum NotificationEnvelope
{
    /// <summary>S3 sent to SQS directly (or SNS with raw message delivery, which looks the same).</summary>
    S3,

    /// <summary>S3 to SNS to SQS: the notification is the JSON string in the SNS <c>Message</c> field.</summary>
    Sns,

    /// <summary>S3 to EventBridge to SQS: one event per message, <c>source</c> <c>aws.s3</c>.</summary>
    EventBridge,

    /// <summary>The body was not JSON or had no shape we recognise.</summary>
    Unknown,
}
