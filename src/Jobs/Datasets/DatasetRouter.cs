using Orchestrator.Jobs.Objects;

namespace Orchestrator.Jobs.Datasets;

/// <summary>
/// Decides which dataset and partition an object belongs to, from its bucket and key alone.
/// </summary>
/// <remarks>
/// <para>A dataset matches when the bucket is equal and the key starts with its prefix (both ordinal, as S3 compares them).
/// When prefixes nest, the longest wins, and only it is tried: an object under <c>raw/sales/eu/</c> never falls back to
/// <c>raw/sales/</c> because its partition folders are wrong, which would put it in a table it was not written for.</para>
/// <para>Keys ending in <c>/</c> are folder markers and are rejected as <see cref="RejectReason.FolderMarker"/>.</para>
/// <para>Partition values are read from the folders after the prefix, hive style (<c>year=2024/month=01/</c>) or by
/// <see cref="DatasetSource.KeyTemplate"/>, validated by <see cref="PartitionValueRules"/>, and returned as the canonical path
/// <c>col1=v1/col2=v2</c> in column order, values exactly as in the key. A file name must follow the partition folders.</para>
/// </remarks>
public sealed class DatasetRouter
{
    // Per bucket, longest prefix first, so the first match is the winner.
    private readonly Dictionary<string, DatasetRoute[]> _routesByBucket;

    /// <summary>Builds the router; throws <see cref="ArgumentException"/> for a configuration that could never route correctly.</summary>
    public DatasetRouter(IEnumerable<Dataset> datasets)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        List<DatasetRoute> routes = datasets.Select(dataset => new DatasetRoute(dataset)).ToList();
        foreach (var duplicate in routes.GroupBy(route => (route.Bucket, route.Prefix)).Where(group => group.Count() > 1))
        {
            throw new ArgumentException(
                $"Datasets {string.Join(", ", duplicate.Select(route => route.Name))} share bucket '{duplicate.Key.Bucket}'"
                + $" and prefix '{duplicate.Key.Prefix}'.",
                nameof(datasets));
        }

        _routesByBucket = routes
            .GroupBy(route => route.Bucket, StringComparer.Ordinal)
            .ToDictionary(
                group => group.Key,
                group => group.OrderByDescending(route => route.Prefix.Length).ToArray(),
                StringComparer.Ordinal);
    }

    /// <summary>Routes an object event by its bucket and decoded key.</summary>
    public RoutingDecision Route(ObjectEvent objectEvent)
    {
        ArgumentNullException.ThrowIfNull(objectEvent);
        return Route(objectEvent.Bucket, objectEvent.Key);
    }

    /// <summary>Routes an object by bucket and decoded key.</summary>
    public RoutingDecision Route(string bucket, string key)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        ArgumentNullException.ThrowIfNull(key);
        DatasetRoute? route = null;
        if (_routesByBucket.TryGetValue(bucket, out DatasetRoute[]? candidates))
        {
            route = Array.Find(candidates, candidate => key.StartsWith(candidate.Prefix, StringComparison.Ordinal));
        }

        if (key.EndsWith('/'))
        {
            return RoutingDecision.Reject(RejectReason.FolderMarker, "the key is a folder marker (ends with '/')", route?.Name);
        }

        if (route is null)
        {
            return RoutingDecision.Reject(RejectReason.NoDataset, $"no dataset prefix in bucket {LogText.Quote(bucket)} matches the key");
        }

        return route.Read(key[route.Prefix.Length..]);
    }
}
