namespace Orchestrator.Jobs.Objects;

/// <summary>
/// One S3 object event, whatever envelope it came in (direct S3 notification, SNS, EventBridge).
/// <see cref="Key"/> is always the decoded key: S3 notifications URL-encode it, EventBridge does not.
/// </summary>
/// <param name="Bucket">Bucket name.</param>
/// <param name="Key">Decoded object key.</param>
/// <param name="Change">Created or removed.</param>
/// <param name="EventName">The event name as S3 sent it, e.g. <c>ObjectCreated:Put</c>.</param>
/// <param name="EventTime">When S3 says the event happened.</param>
/// <param name="Size">Object size in bytes (absent on removals).</param>
/// <param name="ETag">Object ETag without quotes (absent on removals).</param>
/// <param name="VersionId">Version id when the bucket is versioned.</param>
/// <param name="Sequencer">S3's per-key ordering token (hex); see <see cref="SequencerOrder"/>.</param>
public sealed record ObjectEvent(
    string Bucket,
    string Key,
    ObjectChange Change,
    string EventName,
    DateTimeOffset EventTime,
    long? Size,
    string? ETag,
    string? VersionId,
    string? Sequencer);
