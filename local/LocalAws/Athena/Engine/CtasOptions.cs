using System.Text.RegularExpressions;

namespace LocalAws.Athena.Engine;

/// <summary>The parsed parts of <c>CREATE TABLE [IF NOT EXISTS] name [WITH (…)] AS query [WITH [NO] DATA]</c>.</summary>
internal sealed partial record CtasOptions(
    string Name, bool IfNotExists, string Query, string Format, string? ExternalLocation, IReadOnlyList<string> PartitionedBy,
    string? TableType, bool WithData)
{
    public static CtasOptions? Parse(string sql)
    {
        var match = Statement().Match(sql);
        if (!match.Success)
        {
            return null;
        }

        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var partitionedBy = new List<string>();
        foreach (Match property in Property().Matches(match.Groups["props"].Value))
        {
            var key = property.Groups["key"].Value;
            if (property.Groups["array"].Success)
            {
                var items = Item().Matches(property.Groups["array"].Value).Select(m => m.Groups[1].Value.ToLowerInvariant());
                if (key.Equals("partitioned_by", StringComparison.OrdinalIgnoreCase) || key.Equals("partitioning", StringComparison.OrdinalIgnoreCase))
                {
                    partitionedBy.AddRange(items);
                }
            }
            else
            {
                properties[key] = property.Groups["string"].Success ? property.Groups["string"].Value.Replace("''", "'", StringComparison.Ordinal)
                    : property.Groups["bare"].Value;
            }
        }

        return new CtasOptions(
            match.Groups["name"].Value,
            match.Groups["ine"].Success,
            match.Groups["query"].Value,
            properties.GetValueOrDefault("format") ?? "PARQUET",
            properties.GetValueOrDefault("external_location") ?? properties.GetValueOrDefault("location"),
            partitionedBy,
            properties.GetValueOrDefault("table_type"),
            !match.Groups["nodata"].Success);
    }

    [GeneratedRegex(@"^CREATE\s+TABLE\s+(?<ine>IF\s+NOT\s+EXISTS\s+)?(?<name>[\w""`.]+)\s*(WITH\s*\((?<props>.*?)\)\s*)?AS\s+(?<query>.+?)(\s+WITH\s+(?<nodata>NO\s+)?DATA)?$",
        RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Statement();

    [GeneratedRegex(@"(?<key>\w+)\s*=\s*(ARRAY\s*\[(?<array>[^\]]*)\]|'(?<string>(?:[^']|'')*)'|(?<bare>[\w.]+))", RegexOptions.IgnoreCase)]
    private static partial Regex Property();

    [GeneratedRegex(@"'((?:[^']|'')*)'")]
    private static partial Regex Item();
}
