namespace Orchestrator.Jobs.Datasets;

/// <summary>
/// Where an object belongs: a dataset and its partition, or a rejection with a reason and a human-readable detail.
/// </summary>
/// <param name="Dataset">The dataset name, or null when no dataset matched.</param>
/// <param name="Partition">Canonical hive path of the partition values (<c>year=2024/month=01</c>); empty for unpartitioned datasets.</param>
/// <param name="Reason">Set when rejected.</param>
/// <param name="Detail">What exactly was wrong, for logs and the ledger.</param>
public sealed record RoutingDecision(string? Dataset, string? Partition, RejectReason? Reason, string? Detail)
{
    /// <summary>True when the object belongs to a dataset and its partition values are valid.</summary>
    public bool IsAccepted => Reason is null;

    /// <summary>An accepted object.</summary>
    public static RoutingDecision Accept(string dataset, string partition) => new(dataset, partition, null, null);

    /// <summary>A rejected object; <paramref name="dataset"/> is set when the prefix matched but the partition did not.</summary>
    public static RoutingDecision Reject(RejectReason reason, string detail, string? dataset = null) => new(dataset, null, reason, detail);
}
