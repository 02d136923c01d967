namespace Orchestrator.Jobs.Datasets;

/// <summary>A partition column of a dataset's raw table, in key order.</summary>
public sealed record PartitionColumn(string Name, PartitionColumnType Type);
