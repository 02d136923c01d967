namespace LocalAws.Storage;

/// <summary>Hive-style partition folders: <c>year=2024/month=5/file.csv</c> under a table location.</summary>
internal static class HivePath
{
    /// <summary>The partition values in key order found in <paramref name="relativeKey"/>, or null when a key is missing.</summary>
    public static IReadOnlyList<string>? Values(string relativeKey, IReadOnlyList<string> keyNames)
    {
        var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var segments = relativeKey.Split('/');
        foreach (var segment in segments.Take(segments.Length - 1))
        {
            var equals = segment.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                found[segment[..equals]] = Uri.UnescapeDataString(segment[(equals + 1)..]);
            }
        }

        var values = new List<string>();
        foreach (var key in keyNames)
        {
            if (!found.TryGetValue(key, out var value))
            {
                return null;
            }

            values.Add(value);
        }

        return values;
    }

    /// <summary>The folder of a partition under the table location, as Hive and Athena name it.</summary>
    public static string Folder(IReadOnlyList<string> keyNames, IReadOnlyList<string> values) =>
        string.Join('/', keyNames.Zip(values, (k, v) => $"{k}={Uri.EscapeDataString(v)}")) + "/";
}
