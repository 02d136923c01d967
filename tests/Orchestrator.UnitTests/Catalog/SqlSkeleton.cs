using System.Text;

namespace Orchestrator.UnitTests.Catalog;

/// <summary>
/// A Hive/Athena tokenizer for tests: words, numbers, backtick identifiers, single-quoted strings (<c>''</c> and backslash
/// escapes, as Hive reads them), comments and symbols. The skeleton replaces every string literal's content with <c>?</c>, so
/// two statements with the same skeleton have the same structure whatever their values.
/// </summary>
internal static class SqlSkeleton
{
    public static IReadOnlyList<string> Of(string sql)
    {
        var tokens = new List<string>();
        int i = 0;
        while (i < sql.Length)
        {
            char c = sql[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '\'')
            {
                i = SkipQuoted(sql, i, '\'', backslashEscapes: true);
                tokens.Add("'?'");
            }
            else if (c == '`')
            {
                int end = SkipQuoted(sql, i, '`', backslashEscapes: false);
                tokens.Add(sql[i..end]);
                i = end;
            }
            else if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                tokens.Add("--comment");
                i = sql.IndexOf('\n', i) is var n and >= 0 ? n : sql.Length;
            }
            else if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                tokens.Add("/*comment*/");
                i = sql.IndexOf("*/", i + 2, StringComparison.Ordinal) is var n and >= 0 ? n + 2 : sql.Length;
            }
            else if (char.IsLetterOrDigit(c) || c == '_')
            {
                int start = i;
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] == '_'))
                {
                    i++;
                }

                tokens.Add(sql[start..i].ToUpperInvariant());
            }
            else
            {
                tokens.Add(c.ToString());
                i++;
            }
        }

        return tokens;
    }

    /// <summary>The content of the i-th string literal as Hive reads it (<c>''</c> = one quote).</summary>
    public static string StringLiteral(string sql, int index)
    {
        int seen = 0;
        for (int i = 0; i < sql.Length; i++)
        {
            if (sql[i] == '`')
            {
                i = SkipQuoted(sql, i, '`', false) - 1;
            }
            else if (sql[i] == '\'')
            {
                int end = SkipQuoted(sql, i, '\'', true);
                if (seen++ == index)
                {
                    return sql[(i + 1)..(end - 1)].Replace("''", "'", StringComparison.Ordinal);
                }

                i = end - 1;
            }
        }

        throw new InvalidOperationException($"no string literal {index} in {sql}");
    }

    private static int SkipQuoted(string sql, int start, char quote, bool backslashEscapes)
    {
        int i = start + 1;
        while (i < sql.Length)
        {
            if (backslashEscapes && sql[i] == '\\')
            {
                i += 2;
            }
            else if (sql[i] == quote)
            {
                if (i + 1 < sql.Length && sql[i + 1] == quote)
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }
            else
            {
                i++;
            }
        }

        return sql.Length + 1; // unterminated: a skeleton no valid statement has
    }

    public static string Bytes(string sql) => Encoding.UTF8.GetByteCount(sql).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
