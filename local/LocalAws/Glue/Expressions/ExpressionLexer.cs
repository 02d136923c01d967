using System.Text;
using LocalAws.Wire;

namespace LocalAws.Glue.Expressions;

/// <summary>Splits a GetPartitions expression (a SQL WHERE-clause subset) into tokens.</summary>
internal static class ExpressionLexer
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "AND", "OR", "NOT", "IN", "BETWEEN", "LIKE", "IS", "NULL",
    };

    public static List<ExpressionToken> Tokenize(string text)
    {
        var tokens = new List<ExpressionToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '\'')
            {
                tokens.Add(new ExpressionToken(TokenKind.String, ReadQuoted(text, ref i, '\''), i));
            }
            else if (c is '`' or '"')
            {
                tokens.Add(new ExpressionToken(TokenKind.Identifier, ReadQuoted(text, ref i, c), i));
            }
            else if (char.IsDigit(c) || (c == '-' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                var start = i++;
                while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                tokens.Add(new ExpressionToken(TokenKind.Number, text[start..i], start));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                var word = text[start..i];
                tokens.Add(new ExpressionToken(Keywords.Contains(word) ? TokenKind.Keyword : TokenKind.Identifier, word, start));
            }
            else
            {
                tokens.Add(ReadSymbol(text, ref i));
            }
        }

        tokens.Add(new ExpressionToken(TokenKind.End, string.Empty, text.Length));
        return tokens;
    }

    private static ExpressionToken ReadSymbol(string text, ref int i)
    {
        var start = i;
        var two = i + 1 < text.Length ? text.Substring(i, 2) : string.Empty;
        if (two is "<=" or ">=" or "<>" or "!=")
        {
            i += 2;
            return new ExpressionToken(TokenKind.Operator, two, start);
        }

        i++;
        return text[start] switch
        {
            '=' or '<' or '>' => new ExpressionToken(TokenKind.Operator, text[start].ToString(), start),
            '(' => new ExpressionToken(TokenKind.OpenParen, "(", start),
            ')' => new ExpressionToken(TokenKind.CloseParen, ")", start),
            ',' => new ExpressionToken(TokenKind.Comma, ",", start),
            _ => throw GlueErrors.InvalidInput($"Unsupported expression: unexpected character '{text[start]}' at position {start}"),
        };
    }

    private static string ReadQuoted(string text, ref int i, char quote)
    {
        var value = new StringBuilder();
        var start = i++;
        while (i < text.Length)
        {
            if (text[i] == quote)
            {
                // SQL escapes a quote by doubling it.
                if (i + 1 < text.Length && text[i + 1] == quote)
                {
                    value.Append(quote);
                    i += 2;
                    continue;
                }

                i++;
                return value.ToString();
            }

            value.Append(text[i++]);
        }

        throw GlueErrors.InvalidInput($"Unsupported expression: unterminated literal at position {start}");
    }
}
