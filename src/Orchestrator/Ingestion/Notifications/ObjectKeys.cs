using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Orchestrator.Ingestion.Notifications;

/// <summary>
/// Object keys as notifications carry them. S3 notifications URL-encode the key the way HTML forms do
/// (<c>application/x-www-form-urlencoded</c>: space is <c>+</c>, other bytes <c>%XX</c> of UTF-8); EventBridge does not encode it.
/// </summary>
internal static class ObjectKeys
{
    /// <summary>S3's limit on a key: 1,024 bytes of UTF-8.</summary>
    /// <remarks>https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html</remarks>
    public const int MaxKeyBytes = 1024;

    /// <summary>
    /// Decodes strictly: a <c>%</c> not followed by two hex digits, or escapes that do not spell UTF-8, fail instead of being
    /// passed through or replaced, because a guessed key would point the pipeline at an object that does not exist.
    /// Literal characters other than <c>+</c> and <c>%</c> are kept as they are.
    /// </summary>
    public static string? DecodeFormUrlEncoded(string encoded, string path, out string key)
    {
        key = string.Empty;

        // Every UTF-8 byte costs at most three encoded characters, so a longer text cannot decode to a legal key.
        if (encoded.Length > MaxKeyBytes * 3)
        {
            return TooLong(path);
        }

        var text = new StringBuilder(encoded.Length);
        byte[] bytes = ArrayPool<byte>.Shared.Rent(encoded.Length / 3 + 1);
        char[] chars = ArrayPool<char>.Shared.Rent(encoded.Length / 3 + 1);
        try
        {
            int i = 0;
            while (i < encoded.Length)
            {
                char c = encoded[i];
                if (c != '%')
                {
                    text.Append(c == '+' ? ' ' : c);
                    i++;
                    continue;
                }

                // Decode a whole run of escapes at once: the bytes of one UTF-8 character are always adjacent.
                int count = 0;
                while (i < encoded.Length && encoded[i] == '%')
                {
                    if (i + 2 >= encoded.Length || !char.IsAsciiHexDigit(encoded[i + 1]) || !char.IsAsciiHexDigit(encoded[i + 2]))
                    {
                        return $"{path} has a malformed %-escape at offset {i}";
                    }

                    bytes[count++] = (byte)((HexValue(encoded[i + 1]) << 4) | HexValue(encoded[i + 2]));
                    i += 3;
                }

                var status = Utf8.ToUtf16(bytes.AsSpan(0, count), chars, out _, out int written, replaceInvalidSequences: false);
                if (status != OperationStatus.Done)
                {
                    return $"{path} has %-escapes that are not valid UTF-8";
                }

                text.Append(chars, 0, written);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }

        key = text.ToString();
        return CheckLength(key, path);
    }

    /// <summary>
    /// Null when the key is non-empty and within S3's limit; a key S3 could not have stored means a forged or broken message.
    /// </summary>
    public static string? CheckLength(string key, string path)
    {
        if (key.Length == 0)
        {
            return $"{path} is empty";
        }

        return Encoding.UTF8.GetByteCount(key) > MaxKeyBytes ? TooLong(path) : null;
    }

    private static string TooLong(string path) => $"{path} is longer than S3's {MaxKeyBytes}-byte key limit";

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
