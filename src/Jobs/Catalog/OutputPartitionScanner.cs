using Amazon.S3;
using Amazon.S3.Model;
using Orchestrator.Jobs.Datasets;
using Orchestrator.Jobs.GlueRuns;

namespace Orchestrator.Jobs.Catalog;

/// <summary>
/// Finds the partitions a Glue run wrote, listing only what can be new. The partition folders (<c>key=value/</c>, in the
/// table's partition-key order) are walked level by level with a <c>/</c> delimiter, so the listing costs one entry per
/// folder, not one per object. Folders of partitions already known (<see cref="KnownPartitions"/>) are not opened: nothing
/// in them needs registering. Only the others are listed, and count when they hold an object written since the run started.
/// Never MSCK REPAIR, which lists every object of the table on every run.
/// </summary>
public sealed class OutputPartitionScanner(IAmazonS3 s3, TableDescriptions tables, KnownPartitions known)
{
    // S3's LastModified has second precision and the run's start comes from Glue's clock: keep a margin.
    private static readonly TimeSpan ClockMargin = TimeSpan.FromMinutes(1);

    /// <summary>Partitions not known yet with objects written at or after <paramref name="since"/>.</summary>
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
        string root = slash < 0 ? "" : path[(slash + 1)..].TrimEnd('/') + "/";
        if (root == "/")
        {
            root = "";
        }

        var folders = new List<(string Prefix, List<string> Values)> { (root, []) };
        for (int level = 0; level < keys.Count; level++)
        {
            var next = new List<(string Prefix, List<string> Values)>();
            foreach (var (prefix, values) in folders)
            {
                foreach (string child in await SubfoldersAsync(bucket, prefix, cancellationToken))
                {
                    if (Value(child[prefix.Length..].TrimEnd('/'), keys[level]) is { } value)
                    {
                        next.Add((child, [.. values, value]));
                    }
                }
            }

            folders = next;
        }

        var found = new List<PartitionRegistrar.Target>();
        foreach (var (prefix, values) in folders)
        {
            if (!known.Contains(table, values) && await HasObjectSinceAsync(bucket, prefix, since, cancellationToken))
            {
                found.Add(new PartitionRegistrar.Target(values, prefix[root.Length..]));
            }
        }

        return found;
    }

    private async Task<List<string>> SubfoldersAsync(string bucket, string prefix, CancellationToken cancellationToken)
    {
        var folders = new List<string>();
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix, Delimiter = "/" };
        do
        {
            var page = await s3.ListObjectsV2Async(request, cancellationToken);
            folders.AddRange(page.CommonPrefixes ?? []);
            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);

        return folders;
    }

    private async Task<bool> HasObjectSinceAsync(string bucket, string prefix, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix };
        do
        {
            var page = await s3.ListObjectsV2Async(request, cancellationToken);
            if ((page.S3Objects ?? []).Any(o => o.LastModified is { } modified && modified.ToUniversalTime() >= since.UtcDateTime - ClockMargin))
            {
                return true;
            }

            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);

        return false;
    }

    /// <summary>The value of a <c>key=value</c> folder name for the expected key, or null for anything else.</summary>
    private static string? Value(string segment, string key)
    {
        string expected = key + "=";
        if (!segment.StartsWith(expected, StringComparison.OrdinalIgnoreCase) || segment.Length == expected.Length)
        {
            return null;
        }

        string value = Uri.UnescapeDataString(segment[expected.Length..]);
        return PartitionValueRules.IsValid(value, PartitionColumnType.String) ? value : null; // the raw keys' whitelist
    }
}
