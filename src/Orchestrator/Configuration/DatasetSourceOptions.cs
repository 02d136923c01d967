namespace Orchestrator.Configuration;

/// <summary>Where a dataset's raw objects land.</summary>
public sealed class DatasetSourceOptions
{
    /// <summary>The S3 bucket.</summary>
    public string Bucket { get; set; } = "";

    /// <summary>Key prefix, ending in <c>/</c> (or empty for the whole bucket). The longest matching prefix wins.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>
    /// Partition columns in key order, each <c>name</c> or <c>name:type</c> with type <c>string</c> (default), <c>int</c>,
    /// <c>bigint</c> or <c>date</c>; e.g. <c>["year:int", "month:int"]</c>.
    /// </summary>
    public List<string> Partitions { get; set; } = [];

    /// <summary>
    /// Empty for hive-style keys (<c>year=2024/month=01/file.csv</c>); otherwise a positional template such as
    /// <c>{year}/{month}/</c> naming every partition column once.
    /// </summary>
    public string? KeyTemplate { get; set; }
}
