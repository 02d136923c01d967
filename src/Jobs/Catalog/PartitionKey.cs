namespace Orchestrator.Jobs.Catalog;

/// <summary>A partition column of a Glue table as the catalog describes it: its name and its Hive type (<c>int</c>, <c>string</c> …).</summary>
public sealed record PartitionKey(string Name, string Type);
