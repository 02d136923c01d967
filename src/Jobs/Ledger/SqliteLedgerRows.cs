using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Orchestrator.Jobs.Ledger;

/// <summary>How ledger values travel to and from SQLite, which has no timestamp type.</summary>
internal static class SqliteLedgerRows
{
    /// <summary>The columns <see cref="Read"/> expects, in order.</summary>
    public const string EntryColumns = """
        bucket, key, version_id, sequencer, event_name, event_time, size, etag,
        dataset, partition_path, state, reject_reason, deliveries, first_seen, updated_at
        """;

    // Fixed width and always UTC, so that ORDER BY first_seen on the text is chronological.
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string FormatTime(DateTimeOffset value) => value.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static void Bind(this SqliteParameterCollection parameters, string name, object? value) =>
        parameters.AddWithValue(name, value ?? DBNull.Value);

    public static LedgerEntry Read(DbDataReader reader) => new(
        Bucket: reader.GetString(0),
        Key: reader.GetString(1),
        VersionId: LedgerBatch.VersionFromKey(reader.GetString(2)),
        Sequencer: NullableString(reader, 3),
        EventName: reader.GetString(4),
        EventTime: ParseTime(reader.GetString(5)),
        Size: reader.IsDBNull(6) ? null : reader.GetInt64(6),
        ETag: NullableString(reader, 7),
        Dataset: NullableString(reader, 8),
        Partition: NullableString(reader, 9),
        State: Enum.Parse<ObjectState>(reader.GetString(10)),
        RejectReason: NullableString(reader, 11),
        Deliveries: reader.GetInt32(12),
        FirstSeen: ParseTime(reader.GetString(13)),
        UpdatedAt: ParseTime(reader.GetString(14)));

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset ParseTime(string text) => DateTimeOffset.ParseExact(
        text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
