using System.Globalization;
using System.Text.RegularExpressions;

namespace Orchestrator.Jobs.Maintenance;

/// <summary>
/// A data check's expectation on the first column of the first row: <c>&gt; 0</c>, <c>&gt;= 1</c>, <c>= 0</c>, <c>!= 0</c>,
/// <c>&lt; 100</c>, <c>&lt;= 5</c>. No row, NULL or a value that is not a number fails the check (and says so).
/// </summary>
public sealed partial class CheckExpectation
{
    private CheckExpectation(string op, decimal operand)
    {
        Operator = op;
        Operand = operand;
    }

    /// <summary>The comparison operator.</summary>
    public string Operator { get; }

    /// <summary>The number compared with.</summary>
    public decimal Operand { get; }

    /// <summary>Parses <c>&lt;op&gt; &lt;number&gt;</c>; null when it is not one.</summary>
    public static CheckExpectation? TryParse(string? text)
    {
        var match = Expression().Match(text ?? "");
        return match.Success
            ? new CheckExpectation(match.Groups["op"].Value == "<>" ? "!=" : match.Groups["op"].Value,
                decimal.Parse(match.Groups["n"].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture))
            : null;
    }

    /// <summary>Whether the query's first value meets the expectation, the value as a number (if it is one), and why not.</summary>
    public (bool Passed, double? Value, string Detail) Evaluate(IReadOnlyList<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0 || rows[0].Count == 0)
        {
            return (false, null, $"the query returned no rows (expected a value {this})");
        }

        string? text = rows[0][0];
        if (text is null || !decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value))
        {
            return (false, null, $"the first value is {(text is null ? "NULL" : "'" + text + "'")}, not a number (expected {this})");
        }

        bool passed = Operator switch
        {
            ">" => value > Operand,
            ">=" => value >= Operand,
            "<" => value < Operand,
            "<=" => value <= Operand,
            "=" => value == Operand,
            _ => value != Operand,
        };
        return (passed, (double)value, $"{value.ToString(CultureInfo.InvariantCulture)} {(passed ? "meets" : "does not meet")} {this}");
    }

    /// <inheritdoc />
    public override string ToString() => $"{Operator} {Operand.ToString(CultureInfo.InvariantCulture)}";

    [GeneratedRegex(@"^\s*(?<op>>=|<=|!=|<>|=|>|<)\s*(?<n>-?\d{1,18}(\.\d{1,18})?)\s*$")]
    private static partial Regex Expression();
}
