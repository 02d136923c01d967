using System.Text;

namespace Orchestrator.UnitTests.Ingestion.Notifications;

/// <summary>
/// Encodes a key the way S3 puts it in notifications (application/x-www-form-urlencoded): space becomes '+', unreserved
/// ASCII stays, every other UTF-8 byte becomes %XX. Written independently of the parser so the round trip means something.
/// </summary>
internal static class S3KeyEncoding
{
    public static string Encode(string key)
    {
        var text = new StringBuilder();
        foreach (byte b in Encoding.UTF8.GetBytes(key))
        {
            char c = (char)b;
            if (c == ' ')
            {
                text.Append('+');
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '*')
            {
                text.Append(c);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
