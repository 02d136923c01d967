using System.Text.Json.Nodes;
using LocalAws.Glue.Catalog;

namespace LocalAws.Storage;

/// <summary>
/// The objects a reader of a catalog table sees. Like Athena and Glue, only REGISTERED partitions are read; objects in
/// unregistered folders stay invisible until a partition points at them. Tables with partition projection have no
/// registered partitions, so their Hive-style folders under the table location are all read.
/// </summary>
internal sealed class TableFiles(S3Storage s3)
{
    public async Task<IReadOnlyList<PartitionFiles>> ListAsync(
        JsonObject table, IReadOnlyList<JsonObject> partitions, CancellationToken cancellationToken)
    {
        var keys = TableSchema.PartitionKeys(table).Select(k => k.Name).ToList();
        if (keys.Count > 0 && !TableSchema.ProjectionEnabled(table))
        {
            var result = new List<PartitionFiles>();
            foreach (var partition in partitions)
            {
                var values = ((JsonArray)partition["Values"]!).Select(v => (string)v!).ToList();
                var objects = S3Location.TryParse(TableSchema.Location(partition), out var location)
                    ? await s3.ListAsync(location, cancellationToken)
                    : [];
                result.Add(new PartitionFiles(values, objects));
            }

            return result;
        }

        if (!S3Location.TryParse(TableSchema.Location(table), out var root))
        {
            return [];
        }

        var all = await s3.ListAsync(root, cancellationToken);
        if (keys.Count == 0)
        {
            return [new PartitionFiles([], all)];
        }

        return [.. all
            .Select(o => (Values: HivePath.Values(o.Key[root.Prefix.Length..], keys), Object: o))
            .Where(x => x.Values is not null)
            .GroupBy(x => string.Join('\u001f', x.Values!), StringComparer.Ordinal)
            .Select(g => new PartitionFiles(g.First().Values!, [.. g.Select(x => x.Object)]))];
    }
}
