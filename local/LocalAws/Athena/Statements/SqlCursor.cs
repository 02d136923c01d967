using System.Text;

namespace LocalAws.Athena.Statements;

/// <summary>Reads Hive DDL (Athena's dialect for CREATE EXTERNAL TABLE and ALTER TABLE) token by token.</summary>
internal sealed class SqlCursor
{
    private readonly List<SqlToken> _tokens;
    private int _position;

    public SqlCursor(string sql)
    {
        _tokens = Tokenize(StatementClassifier.StripComments(sql));
    }

    public SqlToken Peek => _tokens[_position];

    public bool AtEnd => Peek.Kind == SqlTokenKind.End;

    public SqlToken Next() => _tokens[_position++];

    public bool AcceptWords(params string[] words)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (!_tokens[Math.Min(_position + i, _tokens.Count - 1)].IsWord(words[i]))
            {
                return false;
            }
        }

        _position += words.Length;
        return true;
    }

    public void ExpectWords(params string[] words)
    {
        if (!AcceptWords(words))
        {
            throw QueryFailedException.Syntax($"mismatched input '{Peek.Text}'. Expecting: '{string.Join(' ', words)}'");
        }
    }

    public bool AcceptSymbol(string symbol)
    {
        if (Peek.IsSymbol(symbol))
        {
            _position++;
            return true;
        }

        return false;
    }

    public void ExpectSymbol(string symbol)
    {
        if (!AcceptSymbol(symbol))
        {
            throw QueryFailedException.Syntax($"mismatched input '{Peek.Text}'. Expecting: '{symbol}'");
        }
    }

    public string Identifier()
    {
        var token = Next();
        return token.IsIdentifier ? token.Text.ToLowerInvariant() : throw QueryFailedException.Syntax($"mismatched input '{token.Text}'. Expecting: <identifier>");
    }

    /// <summary><c>[catalog.][db.]name</c>; the database falls back to the query's context database.</summary>
    public (string Database, string Table) TableName(string? defaultDatabase)
    {
        var parts = new List<string> { Identifier() };
        while (AcceptSymbol("."))
        {
            parts.Add(Identifier());
        }

        var table = parts[^1];
        var database = parts.Count >= 2 ? parts[^2] : defaultDatabase
            ?? throw new QueryFailedException("SCHEMA_NOT_FOUND: line 1:1: Schema must be specified when session schema is not set");
        return (database, table);
    }

    public string StringLiteral()
    {
        var token = Next();
        return token.Kind == SqlTokenKind.String ? token.Text : throw QueryFailedException.Syntax($"mismatched input '{token.Text}'. Expecting: <string>");
    }

    /// <summary>A literal value of a partition spec: string, number or bare word (true/false).</summary>
    public string Literal()
    {
        var token = Next();
        return token.Kind is SqlTokenKind.String or SqlTokenKind.Number or SqlTokenKind.Word
            ? token.Text
            : throw QueryFailedException.Syntax($"mismatched input '{token.Text}'. Expecting: <literal>");
    }

    /// <summary>A Hive type such as <c>int</c>, <c>decimal(10,2)</c> or <c>array&lt;struct&lt;a:int&gt;&gt;</c>.</summary>
    public string Type()
    {
        var type = new StringBuilder(Next().Text.ToLowerInvariant());
        var depth = 0;
        while (!AtEnd)
        {
            if (depth == 0 && !(Peek.IsSymbol("(") || Peek.IsSymbol("<")))
            {
                break;
            }

            var token = Next();
            depth += token.IsSymbol("(") || token.IsSymbol("<") ? 1 : token.IsSymbol(")") || token.IsSymbol(">") ? -1 : 0;
            type.Append(token.Kind == SqlTokenKind.Word ? token.Text.ToLowerInvariant() : token.Text);
            if (depth == 0)
            {
                break;
            }
        }

        return type.ToString();
    }

    /// <summary><c>('k' = 'v', …)</c> as in TBLPROPERTIES and SERDEPROPERTIES.</summary>
    public Dictionary<string, string> Properties()
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        ExpectSymbol("(");
        do
        {
            var key = StringLiteral();
            ExpectSymbol("=");
            properties[key] = StringLiteral();
        }
        while (AcceptSymbol(","));

        ExpectSymbol(")");
        return properties;
    }

    private static List<SqlToken> Tokenize(string sql)
    {
        var tokens = new List<SqlToken>();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '\'' or '"' or '`')
            {
                var kind = c == '\'' ? SqlTokenKind.String : SqlTokenKind.QuotedIdentifier;
                tokens.Add(new SqlToken(kind, Quoted(sql, ref i, c)));
            }
            else if (char.IsLetterOrDigit(c) || c == '_')
            {
                var start = i;
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] == '_' || (sql[i] == '.' && char.IsDigit(sql[start]))))
                {
                    i++;
                }

                var text = sql[start..i];
                tokens.Add(new SqlToken(char.IsDigit(text[0]) && text.All(ch => char.IsDigit(ch) || ch == '.') ? SqlTokenKind.Number : SqlTokenKind.Word, text));
            }
            else
            {
                tokens.Add(new SqlToken(SqlTokenKind.Symbol, c.ToString()));
                i++;
            }
        }

        tokens.Add(new SqlToken(SqlTokenKind.End, "<EOF>"));
        return tokens;
    }

    private static string Quoted(string sql, ref int i, char quote)
    {
        var value = new StringBuilder();
        i++;
        while (i < sql.Length)
        {
            if (sql[i] == quote)
            {
                if (i + 1 < sql.Length && sql[i + 1] == quote)
                {
                    value.Append(quote);
                    i += 2;
                    continue;
                }

                i++;
                return value.ToString();
            }

            // Hive string literals use backslash escapes ('\t', '\u0001').
            if (quote == '\'' && sql[i] == '\\' && i + 1 < sql.Length)
            {
                value.Append(Unescape(sql, ref i));
                continue;
            }

            value.Append(sql[i++]);
        }

        throw QueryFailedException.Syntax("unterminated quoted text");
    }

    private static string Unescape(string sql, ref int i)
    {
        var next = sql[i + 1];
        i += 2;
        switch (next)
        {
            case 't':
                return "\t";
            case 'n':
                return "\n";
            case 'u' when i + 4 <= sql.Length:
                var code = Convert.ToInt32(sql.Substring(i, 4), 16);
                i += 4;
                return ((char)code).ToString();
            case >= '0' and <= '7':
                // Octal, e.g. '\001' (Hive's default field delimiter).
                var start = i - 1;
                while (i < sql.Length && i - start < 3 && sql[i] is >= '0' and <= '7')
                {
                    i++;
                }

                return ((char)Convert.ToInt32(sql[start..i], 8)).ToString();
            default:
                return next.ToString();
        }
    }
}
