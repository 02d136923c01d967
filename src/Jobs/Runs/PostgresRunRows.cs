using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Orchestrator.Jobs.Runs;

/// <summary>How run values travel to and from PostgreSQL.</summary>
internal static class PostgresRunRows
{
    /// <summary>Appends a positional uuid parameter.</summary>
    public static void Uuid(this NpgsqlParameterCollection parameters, Guid value) =>
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = value });

    /// <summary>Appends a positional uuid parameter that may be null.</summary>
    public static void NullableUuid(this NpgsqlParameterCollection parameters, Guid? value) =>
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = (object?)value ?? DBNull.Value });

    /// <summary>Appends a positional text[] parameter.</summary>
    public static void TextArray(this NpgsqlParameterCollection parameters, IReadOnlyCollection<string> values) =>
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = values.ToArray() });

    /// <summary>Appends a positional integer parameter.</summary>
    public static void Integer(this NpgsqlParameterCollection parameters, int value) =>
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = value });

    /// <summary>Appends a positional double parameter; typed, so a null still tells PostgreSQL what it is.</summary>
    public static void Double(this NpgsqlParameterCollection parameters, double? value) =>
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Double, Value = (object?)value ?? DBNull.Value });

    /// <summary>Appends a positional boolean parameter.</summary>
    public static void Boolean(this NpgsqlParameterCollection parameters, bool value) =>
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Boolean, Value = value });

    /// <summary>Appends a positional timestamptz parameter (UTC, as Npgsql requires); null when absent.</summary>
    public static void NullableTimestamp(this NpgsqlParameterCollection parameters, DateTimeOffset? value) =>
        parameters.Add(new NpgsqlParameter
        {
            NpgsqlDbType = NpgsqlDbType.TimestampTz,
            Value = value is { } v ? v.ToUniversalTime() : DBNull.Value,
        });

    public static GlueRun Read(DbDataReader reader) => new(
        RunId: reader.GetGuid(0),
        Dataset: reader.GetString(1),
        JobName: reader.GetString(2),
        Trigger: Enum.Parse<RunTrigger>(reader.GetString(3)),
        State: Enum.Parse<RunState>(reader.GetString(4)),
        Attempt: reader.GetInt32(5),
        BookmarkOption: reader.GetString(6),
        RequestedAt: reader.GetFieldValue<DateTimeOffset>(7),
        JobRunId: NullableString(reader, 8),
        GlueState: NullableString(reader, 9),
        StartedAt: reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
        CompletedAt: reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11),
        Error: NullableString(reader, 12),
        DpuSeconds: reader.IsDBNull(13) ? null : reader.GetDouble(13),
        FollowUpRequested: reader.GetBoolean(14),
        TraceParents: NullableString(reader, 15),
        FollowUpTraceParents: NullableString(reader, 16));

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
