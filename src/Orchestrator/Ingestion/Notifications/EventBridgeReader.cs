using System.Text.Json;
using Orchestrator.Jobs.Objects;

namespace Orchestrator.Ingestion.Notifications;

/// <summary>
/// Reads one S3 event delivered by EventBridge (<c>source</c> <c>aws.s3</c>).
/// https://docs.aws.amazon.com/AmazonS3/latest/userguide/ev-events.html
/// </summary>
/// <remarks>
/// EventBridge has no event name in S3's sense, so <see cref="ObjectEvent.EventName"/> is built from <c>detail.reason</c>:
/// <c>ObjectCreated:PutObject</c>, <c>ObjectCreated:CompleteMultipartUpload</c>, <c>ObjectRemoved:DeleteObject</c>,
/// <c>ObjectRemoved:Lifecycle Expiration</c>. The prefix matches S3 notifications so dashboards can group both; the suffix keeps
/// S3's own reason text. Without a reason the detail type itself (<c>Object Created</c>) is used.
/// </remarks>
internal static class EventBridgeReader
{
    public static ParsedNotification Read(JsonElement root, NotificationEnvelope envelope)
    {
        var fields = new JsonFieldReader();
        if (!JsonFieldReader.Is(root, "source", "aws.s3"))
        {
            // Only S3 events should be routed to this queue; anything else is a misconfigured rule worth a DLQ look.
            return ParsedNotification.Unparseable(envelope, "source is not aws.s3");
        }

        string detailType = fields.String(root, "", "detail-type");
        DateTimeOffset time = fields.Time(root, "", "time");
        JsonElement detail = fields.Object(root, "", "detail");
        string bucketName = fields.String(fields.Object(detail, "detail", "bucket"), "detail.bucket", "name");
        JsonElement obj = fields.Object(detail, "detail", "object");

        // EventBridge sends the key as stored, not URL-encoded: decoding it would corrupt keys containing '+' or '%'.
        string key = fields.String(obj, "detail.object", "key");
        long? size = fields.OptionalSize(obj, "detail.object", "size");
        string? eTag = fields.OptionalString(obj, "detail.object", "etag");
        string? versionId = fields.OptionalString(obj, "detail.object", "version-id");
        string? sequencer = fields.OptionalSequencer(obj, "detail.object", "sequencer");
        string? reason = fields.OptionalString(detail, "detail", "reason");
        fields.Fail(ObjectKeys.CheckLength(key, "detail.object.key"));
        if (fields.Error is not null)
        {
            return ParsedNotification.Unparseable(envelope, fields.Error);
        }

        (ObjectChange? change, string prefix) = detailType switch
        {
            "Object Created" => ((ObjectChange?)ObjectChange.Created, "ObjectCreated:"),
            "Object Deleted" => (ObjectChange.Removed, "ObjectRemoved:"),
            _ => (null, ""),
        };
        if (change is null)
        {
            return ParsedNotification.Objects(envelope, [], [detailType]);
        }

        string eventName = string.IsNullOrEmpty(reason) ? detailType : prefix + reason;
        var objectEvent = EventFields.Create(bucketName, key, change.Value, eventName, time, size, eTag, versionId, sequencer);
        return ParsedNotification.Objects(envelope, [objectEvent], []);
    }
}
