using Amazon.S3;
using Amazon.S3.Model;
using Orchestrator.Jobs.Datasets;
using Orchestrator.Jobs.GlueRuns;

namespace Orchestrator.Jobs.Catalog;

/// <summary>
/// Finds the partitions a Glue run wrote: objects under the output table's location modified since the run started,
/// read as <c>key=value/</c> folders in the table's partition-key order. Never MSCK REPAIR.
/// </summary>
public sealed class OutputPartitionScanner(IAmazonS3 s3, TableDescriptions tables)
{
    /// <summary>Partitions with objects written at or after <paramref name="since"/>.</summary>
    public async Task<IReadOnlyCollection<PartitionRegistrar.Target>> FindAsync(TableRef table, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        // The table description registration uses too, cached for a few minutes: a run costs no GetTable of its own.
        var counter = new RegistrationCounter();
        var described = await tables.GetAsync(table, counter, cancellationToken);
        if (counter.Calls > 0)
        {
            GlueRunTelemetry.PartitionCalls.Add(counter.Calls, new("kind", "output"), new("strategy", table.Registration.ToString()));
        }

        var keys = described.Keys.Select(k => k.Name).ToList();
        string? location = described.Location;
        if (keys.Count == 0 || location is null || !location.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        string path = location["s3://".Length..];
        int slash = path.IndexOf('/', StringComparison.Ordinal);
        string bucket = slash < 0 ? path : path[..slash];
        string prefix = slash < 0 ? "" : path[(slash + 1)..].TrimEnd('/') + "/";
        if (prefix == "/")
        {
            prefix = "";
        }

        var found = new Dictionary<string, PartitionRegistrar.Target>(StringComparer.Ordinal);
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix };
        do
        {
            var page = await s3.ListObjectsV2Async(request, cancellationToken);
            foreach (var item in page.S3Objects ?? [])
            {
                if (item.LastModified is { } modified && modified.ToUniversalTime() < since.UtcDateTime.AddMinutes(-1))
                {
                    continue;
                }

                if (Parse(item.Key[prefix.Length..], keys) is { } target)
                {
                    found.TryAdd(target.Folder, target);
                }
            }

            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);

        return found.Values;
    }

    private static PartitionRegistrar.Target? Parse(string relativeKey, List<string> keys)
    {
        string[] segments = relativeKey.Split('/');
        if (segments.Length <= keys.Count)
        {
            return null;
        }

        var values = new List<string>(keys.Count);
        for (int i = 0; i < keys.Count; i++)
        {
            string expected = keys[i] + "=";
            if (!segments[i].StartsWith(expected, StringComparison.OrdinalIgnoreCase) || segments[i].Length == expected.Length)
            {
                return null;
            }

            string value = Uri.UnescapeDataString(segments[i][expected.Length..]);
            if (!PartitionValueRules.IsValid(value, PartitionColumnType.String))
            {
                return null; // the same whitelist as raw keys: nothing unexpected reaches the catalog
            }

            values.Add(value);
        }

        return new PartitionRegistrar.Target(values, string.Join('/', segments[..keys.Count]) + "/");
    }
}
