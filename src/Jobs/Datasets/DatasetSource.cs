namespace Orchestrator.Jobs.Datasets;

/// <summary>
/// Where a dataset's raw objects land and how partition values are read from their keys.
/// </summary>
/// <param name="Bucket">The S3 bucket.</param>
/// <param name="Prefix">Key prefix (e.g. <c>raw/sales/</c>); the longest matching prefix wins when datasets overlap.</param>
/// <param name="Partitions">Partition columns in key order.</param>
/// <param name="KeyTemplate">
/// Null for hive-style keys (<c>year=2024/month=01/file.csv</c>); otherwise a positional template relative to the prefix,
/// such as <c>{year}/{month}/{day}/</c>, naming every partition column once.
/// </param>
public sealed record DatasetSource(string Bucket, string Prefix, IReadOnlyList<PartitionColumn> Partitions, string? KeyTemplate = null);
