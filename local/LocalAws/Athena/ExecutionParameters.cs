using System.Text;
using System.Text.RegularExpressions;
using LocalAws.Wire;

namespace LocalAws.Athena;

/// <summary>
/// Athena's ExecutionParameters: the values of the statement's <c>?</c> placeholders, in order. Each value is a SQL literal
/// (<c>'text'</c>, <c>42</c>, <c>DATE '2024-01-31'</c>, <c>TIMESTAMP '…'</c>, <c>true</c>, <c>NULL</c>), as Athena's
/// <c>EXECUTE … USING</c> takes them; the emulator checks that and binds them into the text it runs. A <c>?</c> inside a
/// string literal, a quoted identifier or a comment is not a placeholder. A mismatch between placeholders and values fails
/// the request, as Athena rejects it.
/// </summary>
internal static partial class ExecutionParameters
{
    public static string Bind(string query, IReadOnlyList<string> values)
    {
        foreach (var value in values)
        {
            if (!Literal().IsMatch(value))
            {
                throw AthenaErrors.InvalidRequest($"Execution parameter {value} is not a literal ('text', a number, DATE '…', TIMESTAMP '…', true, false or NULL)");
            }
        }

        var text = new StringBuilder(query.Length);
        int used = 0;
        for (int i = 0; i < query.Length; i++)
        {
            char c = query[i];
            if (c is '\'' or '"')
            {
                int end = i + 1;
                while (end < query.Length && !(query[end] == c && (end + 1 >= query.Length || query[end + 1] != c)))
                {
                    end += query[end] == c ? 2 : 1;
                }

                text.Append(query, i, Math.Min(end + 1, query.Length) - i);
                i = end;
            }
            else if (c == '-' && i + 1 < query.Length && query[i + 1] == '-')
            {
                int end = query.IndexOf('\n', i);
                end = end < 0 ? query.Length : end;
                text.Append(query, i, end - i);
                i = end - 1;
            }
            else if (c == '?')
            {
                if (used >= values.Count)
                {
                    throw AthenaErrors.InvalidRequest($"Incorrect number of parameters: expected at least {used + 1} but found {values.Count}");
                }

                text.Append(values[used++]);
            }
            else
            {
                text.Append(c);
            }
        }

        return used == values.Count
            ? text.ToString()
            : throw AthenaErrors.InvalidRequest($"Incorrect number of parameters: expected {used} but found {values.Count}");
    }

    [GeneratedRegex(@"^('([^']|'')*'|-?\d+(\.\d+)?|(DATE|TIMESTAMP)\s+'[0-9:. \-]+'|true|false|NULL)$", RegexOptions.IgnoreCase)]
    private static partial Regex Literal();
}
