using System.Globalization;
using System.Text.RegularExpressions;

namespace Orchestrator.Jobs.Maintenance;

/// <summary>
/// The small parameter language of maintenance tasks (docs/maintenance.md): a value computed from the task's scheduled fire
/// time (in the task's time zone), or a constant.
/// <code>
/// FireTime [(+|-) n unit]... [as date | as timestamp ['format'] | as string 'format' | as int 'format']
/// 'text'   |   -12   |   3.5
/// </code>
/// unit: minute(s), hour(s), day(s), week(s), month(s), year(s). Formats are .NET custom date formats made of
/// <c>y M d H m s f</c> (no day or month names: <c>ddd</c>, <c>MMM</c> are refused), digits and <c>- _ / : . T</c> and spaces,
/// so nothing but digits and separators can come out. Without
/// <c>as</c>, a FireTime expression is a date. The value always reaches Athena as a typed literal, never spliced into the SQL text.
/// </summary>
public sealed partial class ParameterExpression
{
    private readonly SqlValue? _constant;
    private readonly List<(int Amount, string Unit)> _shifts = [];
    private readonly SqlValueType _type = SqlValueType.Date;
    private readonly string _format = "yyyy-MM-dd";

    private ParameterExpression(SqlValue constant) => _constant = constant;

    private ParameterExpression(List<(int, string)> shifts, SqlValueType type, string format)
    {
        _shifts = shifts;
        _type = type;
        _format = format;
    }

    /// <summary>The expression as configured.</summary>
    public string Source { get; private init; } = "";

    /// <summary>Parses <paramref name="text"/>, or returns null with the reason in <paramref name="error"/>.</summary>
    public static ParameterExpression? TryParse(string? text, out string error)
    {
        error = "";
        string source = (text ?? "").Trim();
        if (source.Length == 0)
        {
            error = "empty; expected FireTime [± n unit] [as date|timestamp|string 'format'|int 'format'], a number or 'text'";
            return null;
        }

        if (source.StartsWith('\''))
        {
            var quoted = Quoted().Match(source);
            if (!quoted.Success)
            {
                error = "a text constant is one quoted string ('…', with '' for a quote)";
                return null;
            }

            return new ParameterExpression(new SqlValue(SqlValueType.String, quoted.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal))) { Source = source };
        }

        if (Number().IsMatch(source))
        {
            return new ParameterExpression(new SqlValue(SqlValueType.Int, source)) { Source = source }; // numbers are written bare
        }

        var match = FireTime().Match(source);
        if (!match.Success)
        {
            error = "expected FireTime [± n unit] [as date|timestamp|string 'format'|int 'format'], a number or 'text'";
            return null;
        }

        var shifts = new List<(int, string)>();
        foreach (Capture capture in match.Groups["shift"].Captures)
        {
            var shift = Shift().Match(capture.Value);
            int amount = int.Parse(shift.Groups["n"].Value, CultureInfo.InvariantCulture);
            if (amount > 100_000)
            {
                error = $"'{capture.Value.Trim()}' shifts too far (at most 100000 units)";
                return null;
            }

            shifts.Add((shift.Groups["sign"].Value == "-" ? -amount : amount, shift.Groups["unit"].Value.ToLowerInvariant().TrimEnd('s')));
        }

        string kind = match.Groups["type"].Success ? match.Groups["type"].Value.ToLowerInvariant() : "date";
        string? format = match.Groups["format"].Success ? match.Groups["format"].Value : null;
        if (format is not null && !format.All(c => c is 'y' or 'M' or 'd' or 'H' or 'm' or 's' or 'f' or '-' or '_' or '/' or ':' or '.' or 'T' or ' ' || char.IsAsciiDigit(c)))
        {
            error = $"format '{format}' may only use y M d H m s f, digits, '-', '_', '/', ':', '.', 'T' and spaces";
            return null;
        }

        if (format is not null && NameFormat().IsMatch(format))
        {
            error = $"format '{format}' asks for a day or month name (ddd, MMM); it may only use y M d H m s f as numbers, digits, '-', '_', '/', ':', '.', 'T' and spaces";
            return null;
        }

        switch (kind)
        {
            case "date" when format is null:
                return new ParameterExpression(shifts, SqlValueType.Date, "yyyy-MM-dd") { Source = source };
            case "timestamp":
                return new ParameterExpression(shifts, SqlValueType.Timestamp, format ?? "yyyy-MM-dd HH:mm:ss") { Source = source };
            case "string" when format is not null:
                return new ParameterExpression(shifts, SqlValueType.String, format) { Source = source };
            case "int" when format is not null && format.All(c => c is 'y' or 'M' or 'd' or 'H' or 'm' or 's'):
                return new ParameterExpression(shifts, SqlValueType.Int, format) { Source = source };
            default:
                error = kind switch
                {
                    "date" => "as date takes no format (it is always yyyy-MM-dd)",
                    "int" => "as int needs a format of y M d H m s only, e.g. as int 'yyyy'",
                    _ => $"as {kind} needs a format, e.g. as {kind} 'yyyy-MM-dd'",
                };
                return null;
        }
    }

    /// <summary>The value for a task that fired at <paramref name="fireTime"/> (already in the task's time zone).</summary>
    public SqlValue Evaluate(DateTimeOffset fireTime)
    {
        if (_constant is not null)
        {
            return _constant;
        }

        var time = fireTime;
        foreach (var (amount, unit) in _shifts)
        {
            time = unit switch
            {
                "minute" => time.AddMinutes(amount),
                "hour" => time.AddHours(amount),
                "day" => time.AddDays(amount),
                "week" => time.AddDays(7 * amount),
                "month" => time.AddMonths(amount),
                _ => time.AddYears(amount),
            };
        }

        string text = time.ToString(_format, CultureInfo.InvariantCulture);
        return _type == SqlValueType.Int
            ? SqlValue.Int(long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture))
            : new SqlValue(_type, text);
    }

    [GeneratedRegex(@"^'((?:[^']|'')*)'$")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^-?\d{1,18}(\.\d{1,18})?$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^FireTime(?<shift>\s*[+-]\s*\d{1,9}\s*(minutes?|hours?|days?|weeks?|months?|years?)\b)*(\s+as\s+(?<type>date|timestamp|string|int)(\s+'(?<format>[^']*)')?)?$",
        RegexOptions.IgnoreCase)]
    private static partial Regex FireTime();

    [GeneratedRegex(@"ddd|MMM")]
    private static partial Regex NameFormat();

    [GeneratedRegex(@"(?<sign>[+-])\s*(?<n>\d+)\s*(?<unit>\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex Shift();
}
