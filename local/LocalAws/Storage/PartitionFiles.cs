namespace LocalAws.Storage;

/// <summary>The objects of one partition (Values in partition-key order; empty for an unpartitioned table).</summary>
internal sealed record PartitionFiles(IReadOnlyList<string> Values, IReadOnlyList<S3ObjectInfo> Objects);
