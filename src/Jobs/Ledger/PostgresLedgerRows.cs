using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Orchestrator.Jobs.Ledger;

/// <summary>How ledger values travel to and from PostgreSQL.</summary>
internal static class PostgresLedgerRows
{
    /// <summary>The columns <see cref="Read"/> expects, in order.</summary>
    public const string EntryColumns = """
        bucket, key, version_id, sequencer, event_name, event_time, size, etag,
        dataset, partition_path, state, reject_reason, deliveries, first_seen, updated_at
        """;

    /// <summary>Appends a positional ($n) text parameter; typed, so a null still tells PostgreSQL what it is.</summary>
    public static void Text(this NpgsqlParameterCollection parameters, string? value) =>
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value });

    /// <summary>Appends a positional bigint parameter.</summary>
    public static void Bigint(this NpgsqlParameterCollection parameters, long? value) =>
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (object?)value ?? DBNull.Value });

    /// <summary>Appends a positional timestamptz parameter. Npgsql writes only UTC offsets to timestamptz, hence the conversion.</summary>
    public static void Timestamp(this NpgsqlParameterCollection parameters, DateTimeOffset value) =>
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = value.ToUniversalTime() });

    public static LedgerEntry Read(DbDataReader reader) => new(
        Bucket: reader.GetString(0),
        Key: reader.GetString(1),
        VersionId: LedgerBatch.VersionFromKey(reader.GetString(2)),
        Sequencer: NullableString(reader, 3),
        EventName: reader.GetString(4),
        EventTime: reader.GetFieldValue<DateTimeOffset>(5),
        Size: reader.IsDBNull(6) ? null : reader.GetInt64(6),
        ETag: NullableString(reader, 7),
        Dataset: NullableString(reader, 8),
        Partition: NullableString(reader, 9),
        State: Enum.Parse<ObjectState>(reader.GetString(10)),
        RejectReason: NullableString(reader, 11),
        Deliveries: reader.GetInt32(12),
        FirstSeen: reader.GetFieldValue<DateTimeOffset>(13),
        UpdatedAt: reader.GetFieldValue<DateTimeOffset>(14));

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
