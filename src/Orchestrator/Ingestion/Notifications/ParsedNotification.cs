using Orchestrator.Jobs.Objects;

namespace Orchestrator.Ingestion.Notifications;

/// <summary>The result of <see cref="NotificationParser.Parse"/>: events to process, or why the body was refused.</summary>
/// <param name="Kind">Objects, a test event, or unparseable.</param>
/// <param name="Envelope">How the notification arrived; for SNS this is <see cref="NotificationEnvelope.Sns"/> whatever it wrapped.</param>
/// <param name="Events">
/// Object events in message order; empty unless <paramref name="Kind"/> is <see cref="NotificationKind.Objects"/>.
/// </param>
/// <param name="IgnoredEventNames">Event names that are valid but not object creations or removals (tagging, restore, ...).</param>
/// <param name="Error">
/// What is wrong, naming the JSON path; set only when <paramref name="Kind"/> is <see cref="NotificationKind.Unparseable"/>.
/// </param>
internal sealed record ParsedNotification(
    NotificationKind Kind,
    NotificationEnvelope Envelope,
    IReadOnlyList<ObjectEvent> Events,
    IReadOnlyList<string> IgnoredEventNames,
    string? Error)
{
    public static ParsedNotification Objects(
        NotificationEnvelope envelope, IReadOnlyList<ObjectEvent> events, IReadOnlyList<string> ignored) =>
        new(NotificationKind.Objects, envelope, events, ignored, null);

    public static ParsedNotification TestEvent(NotificationEnvelope envelope) =>
        new(NotificationKind.TestEvent, envelope, [], [], null);

    public static ParsedNotification Unparseable(NotificationEnvelope envelope, string error) =>
        new(NotificationKind.Unparseable, envelope, [], [], error);
}
