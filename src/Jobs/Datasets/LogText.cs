using System.Globalization;
using System.Text;

namespace Orchestrator.Jobs.Datasets;

/// <summary>Quotes untrusted text (key segments, partition values) for logs and the ledger.</summary>
internal static class LogText
{
    /// <summary>
    /// Printable ASCII stays readable; everything else becomes <c>\uXXXX</c>, so a crafted key cannot forge log lines with
    /// newlines or terminal escapes, and look-alike Unicode is visible. Long text is cut, since a key may be 1,024 bytes.
    /// </summary>
    public static string Quote(string value, int maxChars = 80)
    {
        var text = new StringBuilder(Math.Min(value.Length, maxChars) + 8);
        text.Append('"');
        foreach (char c in value.Length > maxChars ? value.AsSpan(0, maxChars) : value.AsSpan())
        {
            if (c is >= ' ' and <= '~' and not '"' and not '\\')
            {
                text.Append(c);
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
        }

        text.Append('"');
        if (value.Length > maxChars)
        {
            text.Append("...");
        }

        return text.ToString();
    }
}
