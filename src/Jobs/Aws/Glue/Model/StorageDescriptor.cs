namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>Where and how a table's or partition's data is stored (subset: the schema-registry reference is not mapped).</summary>
public sealed class StorageDescriptor
{
    public List<Column>? Columns { get; set; }

    public string? Location { get; set; }

    public List<string>? AdditionalLocations { get; set; }

    public string? InputFormat { get; set; }

    public string? OutputFormat { get; set; }

    public bool? Compressed { get; set; }

    public int? NumberOfBuckets { get; set; }

    public SerDeInfo? SerdeInfo { get; set; }

    public List<string>? BucketColumns { get; set; }

    public List<Order>? SortColumns { get; set; }

    public Dictionary<string, string>? Parameters { get; set; }

    public SkewedInfo? SkewedInfo { get; set; }

    public bool? StoredAsSubDirectories { get; set; }
}
