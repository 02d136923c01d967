using System.Text.Json;

namespace Orchestrator.Ingestion.Notifications;

/// <summary>
/// Turns an SQS message body into object events. Understands, in AWS's formats: S3 event notifications (structure 2.x, every
/// record of <c>Records</c>), the same wrapped in an SNS <c>Notification</c>, S3 events from EventBridge, and <c>s3:TestEvent</c>
/// (direct or via SNS).
/// </summary>
/// <remarks>
/// <para>Never throws. Anything it cannot read returns <see cref="NotificationKind.Unparseable"/> with a short error naming the
/// field, so the caller can leave the message for the DLQ intact.</para>
/// <para>All or nothing: if any record is malformed (a required field missing or of the wrong JSON type, a bad %-escape in the
/// key, a key over S3's 1,024-byte limit, a time that is not ISO-8601) the whole message is unparseable, including its good
/// records. Acknowledging part of a message would lose the bad record from view; the DLQ keeps it with its neighbours.</para>
/// <para>Records of other S3 event types (restore, tagging, ACL, replication, tiering, lifecycle transition) are valid but not
/// object changes: their names are reported in <see cref="ParsedNotification.IgnoredEventNames"/>.</para>
/// </remarks>
internal static class NotificationParser
{
    // Duplicate properties make a message ambiguous (which key wins?); AWS never sends them, so refuse rather than guess.
    private static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false };

    public static ParsedNotification Parse(string body) => ParseBody(body, NotificationEnvelope.Unknown, "body");

    private static ParsedNotification ParseBody(string? body, NotificationEnvelope envelope, string what)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return ParsedNotification.Unparseable(envelope, $"{what} is empty");
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(body, Options);
            return ParseRoot(document.RootElement, envelope);
        }
        catch (JsonException e)
        {
            // The reader's message gives line and byte position without quoting the body.
            return ParsedNotification.Unparseable(envelope, $"{what} is not valid JSON: {e.Message}");
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json reports an escaped lone surrogate (\ud800) this way, e.g. in a property name while it checks
            // for duplicates. Values are read through JsonFieldReader, which reports the field instead.
            return ParsedNotification.Unparseable(envelope, $"{what} is not valid JSON: it escapes an invalid UTF-16 surrogate");
        }
    }

    private static ParsedNotification ParseRoot(JsonElement root, NotificationEnvelope envelope)
    {
        bool insideSns = envelope == NotificationEnvelope.Sns;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return ParsedNotification.Unparseable(envelope, JsonFieldReader.WrongType(insideSns ? "Message" : "body", root, "an object"));
        }

        if (root.TryGetProperty("Records", out JsonElement records))
        {
            return S3RecordsReader.Read(records, insideSns ? envelope : NotificationEnvelope.S3);
        }

        if (root.TryGetProperty("Event", out _))
        {
            return JsonFieldReader.Is(root, "Event", "s3:TestEvent")
                ? ParsedNotification.TestEvent(insideSns ? envelope : NotificationEnvelope.S3)
                : ParsedNotification.Unparseable(envelope, "Event is not s3:TestEvent");
        }

        if (root.TryGetProperty("detail-type", out _))
        {
            return EventBridgeReader.Read(root, insideSns ? envelope : NotificationEnvelope.EventBridge);
        }

        if (root.TryGetProperty("Type", out _))
        {
            return insideSns
                ? ParsedNotification.Unparseable(envelope, "Message is itself an SNS envelope")
                : ReadSns(root);
        }

        return ParsedNotification.Unparseable(
            envelope, "unrecognised shape: expected Records, an s3:TestEvent, an EventBridge event or an SNS Notification");
    }

    private static ParsedNotification ReadSns(JsonElement root)
    {
        if (!JsonFieldReader.Is(root, "Type", "Notification"))
        {
            // SubscriptionConfirmation and UnsubscribeConfirmation are for HTTP endpoints; SQS subscriptions confirm themselves.
            return ParsedNotification.Unparseable(NotificationEnvelope.Sns, "SNS Type is not Notification");
        }

        var fields = new JsonFieldReader();
        string message = fields.String(root, "", "Message");
        if (fields.Error is not null)
        {
            return ParsedNotification.Unparseable(NotificationEnvelope.Sns, fields.Error);
        }

        ParsedNotification inner = ParseBody(message, NotificationEnvelope.Sns, "Message");
        return inner.Error is null || inner.Error.StartsWith("Message", StringComparison.Ordinal)
            ? inner
            : inner with { Error = "Message: " + inner.Error };
    }
}
