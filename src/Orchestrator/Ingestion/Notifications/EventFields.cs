using Orchestrator.Jobs.Objects;

namespace Orchestrator.Ingestion.Notifications;

/// <summary>Normalisation shared by the S3 and EventBridge readers, so both produce identical <see cref="ObjectEvent"/>s.</summary>
internal static class EventFields
{
    public static ObjectEvent Create(
        string bucket,
        string key,
        ObjectChange change,
        string eventName,
        DateTimeOffset eventTime,
        long? size,
        string? eTag,
        string? versionId,
        string? sequencer) =>
        new(bucket, key, change, eventName, eventTime, size, CleanETag(eTag), NullIfEmpty(versionId), sequencer);

    /// <summary>ETags are sometimes quoted (as in HTTP headers); the ledger compares them unquoted.</summary>
    private static string? CleanETag(string? eTag) => NullIfEmpty(eTag?.Trim('"'));

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
