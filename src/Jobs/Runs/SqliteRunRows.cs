using System.Data.Common;
using System.Globalization;
using Orchestrator.Jobs.Ledger;

namespace Orchestrator.Jobs.Runs;

/// <summary>How run values travel to and from SQLite: ids as lower-case text, times as fixed-width UTC text.</summary>
internal static class SqliteRunRows
{
    // The ledger's format: seven fractional digits, so every stored microsecond comes back.
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>The id as stored; "D" lower-case text sorts like PostgreSQL's uuid.</summary>
    public static string Id(Guid runId) => runId.ToString("D", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset value) => SqliteLedgerRows.FormatTime(value);

    public static string? Time(DateTimeOffset? value) => value is { } v ? Time(v) : null;

    public static GlueRun Read(DbDataReader reader) => new(
        RunId: Guid.ParseExact(reader.GetString(0), "D"),
        Dataset: reader.GetString(1),
        JobName: reader.GetString(2),
        Trigger: Enum.Parse<RunTrigger>(reader.GetString(3)),
        State: Enum.Parse<RunState>(reader.GetString(4)),
        Attempt: reader.GetInt32(5),
        BookmarkOption: reader.GetString(6),
        RequestedAt: ParseTime(reader.GetString(7)),
        JobRunId: NullableString(reader, 8),
        GlueState: NullableString(reader, 9),
        StartedAt: reader.IsDBNull(10) ? null : ParseTime(reader.GetString(10)),
        CompletedAt: reader.IsDBNull(11) ? null : ParseTime(reader.GetString(11)),
        Error: NullableString(reader, 12),
        DpuSeconds: reader.IsDBNull(13) ? null : reader.GetDouble(13),
        FollowUpRequested: reader.GetInt64(14) != 0,
        TraceParents: NullableString(reader, 15),
        FollowUpTraceParents: NullableString(reader, 16));

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset ParseTime(string text) => DateTimeOffset.ParseExact(
        text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
