using System.Globalization;

namespace Orchestrator.Jobs.Maintenance;

/// <summary>
/// A value of the maintenance parameter language, typed so that it is written as a SQL literal exactly one way: an Athena
/// ExecutionParameter (<see cref="ToSqlLiteral"/>) or a value in a DDL partition spec (<see cref="ToPartitionLiteral"/>).
/// The text of a <see cref="SqlValueType.String"/> may contain anything; the literal escapes quotes.
/// </summary>
public sealed record SqlValue(SqlValueType Type, string Text)
{
    /// <summary>The literal Athena binds to a <c>?</c>: <c>'text'</c>, <c>42</c>, <c>DATE '2024-01-31'</c>, <c>TIMESTAMP '…'</c>.</summary>
    public string ToSqlLiteral() => Type switch
    {
        SqlValueType.Int => Text,
        SqlValueType.Date => $"DATE '{Text}'",
        SqlValueType.Timestamp => $"TIMESTAMP '{Text}'",
        _ => Quote(Text),
    };

    /// <summary>The value in <c>PARTITION (k = …)</c> of Athena DDL: integers bare, everything else a quoted string.</summary>
    public string ToPartitionLiteral() => Type == SqlValueType.Int ? Text : Quote(Text);

    /// <summary>The value as Glue stores a partition value (a string).</summary>
    public string ToPartitionValue() => Text;

    /// <summary>A SQL string literal: single quotes doubled.</summary>
    public static string Quote(string text) => "'" + (text ?? "").Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>An integer value.</summary>
    public static SqlValue Int(long value) => new(SqlValueType.Int, value.ToString(CultureInfo.InvariantCulture));
}

/// <summary>How a <see cref="SqlValue"/> is written in SQL.</summary>
public enum SqlValueType
{
    /// <summary>A quoted string.</summary>
    String,

    /// <summary>A number, written bare (from <c>as int</c> or a numeric constant).</summary>
    Int,

    /// <summary><c>DATE 'yyyy-MM-dd'</c>.</summary>
    Date,

    /// <summary><c>TIMESTAMP 'yyyy-MM-dd HH:mm:ss'</c>.</summary>
    Timestamp,
}
