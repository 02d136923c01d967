using System.Globalization;
using System.Text.Json;
using Orchestrator.Jobs.Objects;

namespace Orchestrator.Ingestion.Notifications;

/// <summary>
/// Reads a direct S3 notification (event structure 2.x) with one or more <c>Records</c>.
/// https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
/// </summary>
internal static class S3RecordsReader
{
    public static ParsedNotification Read(JsonElement records, NotificationEnvelope envelope)
    {
        if (records.ValueKind != JsonValueKind.Array)
        {
            return ParsedNotification.Unparseable(envelope, JsonFieldReader.WrongType("Records", records, "an array"));
        }

        if (records.GetArrayLength() == 0)
        {
            return ParsedNotification.Unparseable(envelope, "Records is empty");
        }

        var events = new List<ObjectEvent>();
        var ignored = new List<string>();
        int index = 0;
        foreach (JsonElement record in records.EnumerateArray())
        {
            string path = string.Create(CultureInfo.InvariantCulture, $"Records[{index++}]");
            if (ReadRecord(record, path, out ObjectEvent? objectEvent, out string eventName) is { } error)
            {
                // One bad record spoils the message: acknowledging the good ones would hide the bad one from the DLQ.
                return ParsedNotification.Unparseable(envelope, error);
            }

            if (objectEvent is null)
            {
                ignored.Add(eventName);
            }
            else
            {
                events.Add(objectEvent);
            }
        }

        return ParsedNotification.Objects(envelope, events, ignored);
    }

    /// <summary>Validates every field whatever the event name, so an ignored record is held to the same shape as the rest.</summary>
    private static string? ReadRecord(JsonElement record, string path, out ObjectEvent? objectEvent, out string eventName)
    {
        objectEvent = null;
        eventName = string.Empty;
        if (record.ValueKind != JsonValueKind.Object)
        {
            return JsonFieldReader.WrongType(path, record, "an object");
        }

        var fields = new JsonFieldReader();

        // 2.1 to 2.3 were per event type; 2.4 and later are one unified schema that only adds fields. A 3.x would be breaking.
        string version = fields.String(record, path, "eventVersion");
        if (fields.Error is null && !version.StartsWith("2.", StringComparison.Ordinal))
        {
            fields.Fail($"{path}.eventVersion is not 2.x");
        }

        string s3Path = path + ".s3";
        string bucketPath = s3Path + ".bucket";
        string objectPath = s3Path + ".object";
        eventName = fields.String(record, path, "eventName");
        DateTimeOffset eventTime = fields.Time(record, path, "eventTime");
        JsonElement s3 = fields.Object(record, path, "s3");
        string bucketName = fields.String(fields.Object(s3, s3Path, "bucket"), bucketPath, "name");
        JsonElement obj = fields.Object(s3, s3Path, "object");
        string encodedKey = fields.String(obj, objectPath, "key");
        long? size = fields.OptionalSize(obj, objectPath, "size");
        string? eTag = fields.OptionalString(obj, objectPath, "eTag");
        string? versionId = fields.OptionalString(obj, objectPath, "versionId");
        string? sequencer = fields.OptionalSequencer(obj, objectPath, "sequencer");
        if (fields.Error is not null)
        {
            return fields.Error;
        }

        if (ObjectKeys.DecodeFormUrlEncoded(encodedKey, objectPath + ".key", out string key) is { } keyError)
        {
            return keyError;
        }

        if (Classify(eventName) is { } change)
        {
            objectEvent = EventFields.Create(bucketName, key, change, eventName, eventTime, size, eTag, versionId, sequencer);
        }

        return null;
    }

    /// <summary>Created or removed; null for every other S3 event type (restore, tagging, ACL, replication, tiering, transition).</summary>
    private static ObjectChange? Classify(string eventName)
    {
        if (eventName.StartsWith("ObjectCreated:", StringComparison.Ordinal))
        {
            return ObjectChange.Created;
        }

        // LifecycleExpiration:Delete and :DeleteMarkerCreated remove the current object just as ObjectRemoved:* does.
        if (eventName.StartsWith("ObjectRemoved:", StringComparison.Ordinal)
            || eventName.StartsWith("LifecycleExpiration:Delete", StringComparison.Ordinal))
        {
            return ObjectChange.Removed;
        }

        return null;
    }
}
