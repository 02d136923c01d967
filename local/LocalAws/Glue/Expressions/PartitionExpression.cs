using System.Globalization;
using System.Text.RegularExpressions;
using LocalAws.Wire;

namespace LocalAws.Glue.Expressions;

/// <summary>
/// The GetPartitions <c>Expression</c>: comparisons (=, !=, &lt;&gt;, &lt;, &lt;=, &gt;, &gt;=), [NOT] IN, [NOT] BETWEEN,
/// [NOT] LIKE, IS [NOT] NULL, AND, OR, NOT and parentheses over partition keys. Keys of numeric Hive types compare as
/// numbers, the rest as strings, as Glue documents for partition filtering.
/// </summary>
internal sealed class PartitionExpression
{
    private static readonly HashSet<string> NumericTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "tinyint", "smallint", "int", "integer", "bigint", "float", "double", "decimal", "long",
    };

    private readonly List<ExpressionToken> _tokens;
    private readonly IReadOnlyList<(string Name, string Type)> _keys;
    private int _position;

    private PartitionExpression(string text, IReadOnlyList<(string Name, string Type)> keys)
    {
        _tokens = ExpressionLexer.Tokenize(text);
        _keys = keys;
    }

    /// <summary>Compiles <paramref name="text"/> into a predicate over partition values (in partition-key order).</summary>
    public static Func<IReadOnlyList<string>, bool> Compile(string text, IReadOnlyList<(string Name, string Type)> keys)
    {
        var parser = new PartitionExpression(text, keys);
        var predicate = parser.ParseOr();
        if (parser.Peek.Kind != TokenKind.End)
        {
            throw parser.Error($"unexpected '{parser.Peek.Text}'");
        }

        return predicate;
    }

    private ExpressionToken Peek => _tokens[_position];

    private Func<IReadOnlyList<string>, bool> ParseOr()
    {
        var left = ParseAnd();
        while (AcceptKeyword("OR"))
        {
            var (l, r) = (left, ParseAnd());
            left = values => l(values) || r(values);
        }

        return left;
    }

    private Func<IReadOnlyList<string>, bool> ParseAnd()
    {
        var left = ParseNot();
        while (AcceptKeyword("AND"))
        {
            var (l, r) = (left, ParseNot());
            left = values => l(values) && r(values);
        }

        return left;
    }

    private Func<IReadOnlyList<string>, bool> ParseNot()
    {
        if (AcceptKeyword("NOT"))
        {
            var inner = ParseNot();
            return values => !inner(values);
        }

        if (Peek.Kind == TokenKind.OpenParen)
        {
            _position++;
            var inner = ParseOr();
            Expect(TokenKind.CloseParen);
            return inner;
        }

        return ParsePredicate();
    }

    private Func<IReadOnlyList<string>, bool> ParsePredicate()
    {
        var left = ParseOperand();
        if (AcceptKeyword("IS"))
        {
            var negate = AcceptKeyword("NOT");
            ExpectKeyword("NULL");
            return values => (left.Value(values) is null) != negate;
        }

        var not = AcceptKeyword("NOT");
        if (AcceptKeyword("IN"))
        {
            Expect(TokenKind.OpenParen);
            var items = new List<Operand> { ParseOperand() };
            while (Peek.Kind == TokenKind.Comma)
            {
                _position++;
                items.Add(ParseOperand());
            }

            Expect(TokenKind.CloseParen);
            return values => items.Any(item => Compare(left, item, values) == 0) != not;
        }

        if (AcceptKeyword("BETWEEN"))
        {
            var low = ParseOperand();
            ExpectKeyword("AND");
            var high = ParseOperand();
            return values => (Compare(left, low, values) >= 0 && Compare(left, high, values) <= 0) != not;
        }

        if (AcceptKeyword("LIKE"))
        {
            var pattern = ParseOperand();
            return values => Like(left.Value(values), pattern.Value(values)) != not;
        }

        if (not || Peek.Kind != TokenKind.Operator)
        {
            throw Error($"expected a comparison after '{left.Text}'");
        }

        var op = _tokens[_position++].Text;
        var right = ParseOperand();
        return op switch
        {
            "=" => values => Compare(left, right, values) == 0,
            "!=" or "<>" => values => Compare(left, right, values) != 0,
            "<" => values => Compare(left, right, values) < 0,
            "<=" => values => Compare(left, right, values) <= 0,
            ">" => values => Compare(left, right, values) > 0,
            _ => values => Compare(left, right, values) >= 0,
        };
    }

    private Operand ParseOperand()
    {
        var token = _tokens[_position++];
        switch (token.Kind)
        {
            case TokenKind.String:
            case TokenKind.Number:
                return new Operand(token.Text, -1, false, token.Kind == TokenKind.Number);
            case TokenKind.Identifier:
                var index = _keys.ToList().FindIndex(k => string.Equals(k.Name, token.Text, StringComparison.OrdinalIgnoreCase));
                if (index < 0)
                {
                    throw GlueErrors.InvalidInput($"Unknown column '{token.Text}' in expression; partition keys are "
                        + string.Join(", ", _keys.Select(k => k.Name)));
                }

                return new Operand(token.Text, index, NumericTypes.Contains(BaseType(_keys[index].Type)), false);
            default:
                _position--;
                throw Error($"expected a column or a literal, found '{token.Text}'");
        }
    }

    private static int Compare(Operand left, Operand right, IReadOnlyList<string> values)
    {
        var a = left.Value(values);
        var b = right.Value(values);
        if (a is null || b is null)
        {
            return a is null && b is null ? 0 : a is null ? -1 : 1;
        }

        var numeric = left.IsNumericColumn || right.IsNumericColumn || (left.IsNumberLiteral && right.IsNumberLiteral);
        if (numeric
            && decimal.TryParse(a, NumberStyles.Number, CultureInfo.InvariantCulture, out var x)
            && decimal.TryParse(b, NumberStyles.Number, CultureInfo.InvariantCulture, out var y))
        {
            return x.CompareTo(y);
        }

        return string.CompareOrdinal(a, b);
    }

    private static bool Like(string? value, string? pattern)
    {
        if (value is null || pattern is null)
        {
            return false;
        }

        var regex = "^" + Regex.Escape(pattern).Replace("%", ".*", StringComparison.Ordinal).Replace("_", ".", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(value, regex, RegexOptions.Singleline, TimeSpan.FromSeconds(1));
    }

    private static string BaseType(string type)
    {
        var paren = type.IndexOf('(', StringComparison.Ordinal);
        return (paren < 0 ? type : type[..paren]).Trim();
    }

    private bool AcceptKeyword(string keyword)
    {
        if (Peek.Kind == TokenKind.Keyword && string.Equals(Peek.Text, keyword, StringComparison.OrdinalIgnoreCase))
        {
            _position++;
            return true;
        }

        return false;
    }

    private void ExpectKeyword(string keyword)
    {
        if (!AcceptKeyword(keyword))
        {
            throw Error($"expected {keyword}");
        }
    }

    private void Expect(TokenKind kind)
    {
        if (Peek.Kind != kind)
        {
            throw Error($"expected {kind}, found '{Peek.Text}'");
        }

        _position++;
    }

    private AwsServiceException Error(string what) =>
        GlueErrors.InvalidInput($"Unsupported expression at position {Peek.Position.ToString(CultureInfo.InvariantCulture)}: {what}");

    /// <summary>A column reference (index into the partition values) or a literal.</summary>
    private sealed record Operand(string Text, int Index, bool IsNumericColumn, bool IsNumberLiteral)
    {
        public string? Value(IReadOnlyList<string> values) => Index < 0 ? Text : values[Index];
    }
}
