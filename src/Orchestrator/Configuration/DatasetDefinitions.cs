using System.Text.RegularExpressions;
using Orchestrator.Jobs.Datasets;

namespace Orchestrator.Configuration;

/// <summary>Turns the datasets' options into the model src/Jobs works with, reporting every problem with its key.</summary>
internal static partial class DatasetDefinitions
{
    public static IReadOnlyList<Dataset> Build(IReadOnlyDictionary<string, DatasetOptions> datasets, List<string> errors)
    {
        var result = new List<Dataset>();
        foreach (var (name, options) in datasets)
        {
            string key = $"{OrchestratorOptions.SectionName}:Datasets:{name}";
            if (!DatasetName().IsMatch(name))
            {
                errors.Add($"{key}: the dataset name '{name}' must be 1-64 characters of a-z, 0-9, '_' or '-', starting with a letter or digit " +
                           "(it becomes a metric tag and part of Quartz job names).");
            }

            var source = options.Source;
            string sourceKey = key + ":Source";
            if (!BucketName().IsMatch(source.Bucket) || source.Bucket.Contains("..", StringComparison.Ordinal))
            {
                errors.Add($"{sourceKey}:Bucket: '{source.Bucket}' is not a valid S3 bucket name (3-63 characters: a-z, 0-9, '.', '-').");
            }

            if (source.Prefix.StartsWith('/'))
            {
                errors.Add($"{sourceKey}:Prefix: '{source.Prefix}' must not start with '/' (S3 keys have no leading slash).");
            }
            else if (source.Prefix.Length > 0 && !source.Prefix.EndsWith('/'))
            {
                errors.Add($"{sourceKey}:Prefix: '{source.Prefix}' must end with '/' so that it does not also match '{source.Prefix}-archive/…'.");
            }

            var columns = ParseColumns(source.Partitions, sourceKey + ":Partitions", errors);
            string? template = string.IsNullOrWhiteSpace(source.KeyTemplate) ? null : source.KeyTemplate;
            if (template is not null)
            {
                CheckTemplate(template, columns, sourceKey + ":KeyTemplate", errors);
            }

            result.Add(new Dataset(name, new DatasetSource(source.Bucket, source.Prefix, columns, template)));
        }

        foreach (var clash in result.GroupBy(d => (d.Source.Bucket, d.Source.Prefix)).Where(g => g.Count() > 1))
        {
            errors.Add($"{OrchestratorOptions.SectionName}:Datasets: {string.Join(" and ", clash.Select(d => d.Name))} share bucket " +
                       $"'{clash.Key.Bucket}' and prefix '{clash.Key.Prefix}'; an object could not be routed to one of them.");
        }

        return result;
    }

    private static List<PartitionColumn> ParseColumns(List<string> specs, string key, List<string> errors)
    {
        var columns = new List<PartitionColumn>();
        for (int i = 0; i < specs.Count; i++)
        {
            string spec = specs[i].Trim();
            string[] parts = spec.Split(':');
            string name = parts[0];
            var type = PartitionColumnType.String;
            if (parts.Length > 2 || (parts.Length == 2 && !TryParseType(parts[1], out type)))
            {
                errors.Add($"{key}:{i}: '{spec}' must be 'name' or 'name:type' with type string, int, bigint or date.");
                continue;
            }

            if (!PartitionValueRules.IsValidIdentifier(name))
            {
                errors.Add($"{key}:{i}: '{name}' is not a valid partition column name (lower-case a-z, 0-9, '_', starting with a letter " +
                           "or '_'; Glue stores column names in lower case).");
                continue;
            }

            if (columns.Any(c => c.Name == name))
            {
                errors.Add($"{key}:{i}: the partition column '{name}' is named twice.");
                continue;
            }

            columns.Add(new PartitionColumn(name, type));
        }

        return columns;
    }

    private static bool TryParseType(string text, out PartitionColumnType type)
    {
        (bool ok, type) = text.Trim().ToLowerInvariant() switch
        {
            "string" => (true, PartitionColumnType.String),
            "int" => (true, PartitionColumnType.Int),
            "bigint" => (true, PartitionColumnType.BigInt),
            "date" => (true, PartitionColumnType.Date),
            _ => (false, PartitionColumnType.String),
        };
        return ok;
    }

    private static void CheckTemplate(string template, List<PartitionColumn> columns, string key, List<string> errors)
    {
        string[] segments = template.TrimEnd('/').Split('/');
        var named = new List<string>();
        foreach (string segment in segments)
        {
            var match = TemplateSegment().Match(segment);
            if (!match.Success)
            {
                errors.Add($"{key}: '{template}' must be segments of the form {{column}} separated by '/', e.g. {{year}}/{{month}}/.");
                return;
            }

            named.Add(match.Groups[1].Value);
        }

        if (!named.SequenceEqual(columns.Select(c => c.Name)))
        {
            errors.Add($"{key}: '{template}' must name the partition columns once each, in order: " +
                       $"{string.Join("/", columns.Select(c => "{" + c.Name + "}"))}/.");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex DatasetName();

    // S3 bucket naming rules: https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketName();

    [GeneratedRegex("^\\{([a-z_][a-z0-9_]*)\\}$")]
    private static partial Regex TemplateSegment();
}
