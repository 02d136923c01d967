using Orchestrator.Jobs.Aws.Glue.Model;

namespace Orchestrator.Jobs.Catalog;

/// <summary>What registration needs from GetTable: the partition keys with their types, the location, the storage template.</summary>
public sealed record DescribedTable(TableRef Table, IReadOnlyList<PartitionKey> Keys, string? Location, StorageDescriptor? Storage, bool Projection)
{
    /// <summary>From Glue's table; partition projection is on when the parameter <c>projection.enabled</c> is <c>true</c>.</summary>
    public static DescribedTable From(TableRef table, Table described)
    {
        ArgumentNullException.ThrowIfNull(described);
        var keys = (described.PartitionKeys ?? []).Select(k => new PartitionKey(k.Name ?? "", k.Type ?? "")).ToList();
        bool projection = described.Parameters?.GetValueOrDefault("projection.enabled")?.Trim().Equals("true", StringComparison.OrdinalIgnoreCase) == true;
        return new DescribedTable(table, keys, described.StorageDescriptor?.Location, described.StorageDescriptor, projection);
    }

    /// <summary>The table's location, or an error saying partitions cannot be placed without one.</summary>
    public string RequireLocation() =>
        Location ?? throw new InvalidOperationException($"Table {Table} has no StorageDescriptor.Location; partitions cannot be placed.");
}
