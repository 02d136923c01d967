using System.Globalization;
using System.Text;

namespace LocalAws.Wire;

/// <summary>
/// NextToken values: an opaque base64 offset into a stable ordering. A token that does not decode is a client error,
/// as on AWS (Glue: InvalidInputException, Athena: InvalidRequestException).
/// </summary>
internal static class PageToken
{
    public static string Encode(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("offset:" + offset.ToString(CultureInfo.InvariantCulture)));

    public static int Decode(string? token, Func<string, AwsServiceException> invalid)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("offset:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Falls through to the same error as a well-formed but foreign token.
        }

        throw invalid("Invalid pagination token");
    }

    /// <summary>One page of <paramref name="items"/> and the token for the next one (null on the last page).</summary>
    public static (List<T> Page, string? NextToken) Slice<T>(IReadOnlyList<T> items, int offset, int pageSize)
    {
        var page = items.Skip(offset).Take(pageSize).ToList();
        var next = offset + page.Count < items.Count ? Encode(offset + page.Count) : null;
        return (page, next);
    }
}
