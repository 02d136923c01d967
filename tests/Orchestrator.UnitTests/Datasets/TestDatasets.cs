using Orchestrator.Jobs.Datasets;

namespace Orchestrator.UnitTests.Datasets;

/// <summary>Datasets shared by the router tests.</summary>
internal static class TestDatasets
{
    public const string Bucket = "lake-raw";

    /// <summary>Hive style, one column of each type.</summary>
    public static readonly Dataset Events = new(
        "events",
        new DatasetSource(
            Bucket,
            "raw/events/",
            [
                new PartitionColumn("region", PartitionColumnType.String),
                new PartitionColumn("year", PartitionColumnType.Int),
                new PartitionColumn("shard", PartitionColumnType.BigInt),
                new PartitionColumn("day", PartitionColumnType.Date),
            ]));

    /// <summary>Positional template.</summary>
    public static readonly Dataset Sales = new(
        "sales",
        new DatasetSource(
            Bucket,
            "raw/sales/",
            [
                new PartitionColumn("year", PartitionColumnType.Int),
                new PartitionColumn("month", PartitionColumnType.Int),
                new PartitionColumn("day", PartitionColumnType.Int),
            ],
            "{year}/{month}/{day}/"));

    /// <summary>Unpartitioned, with a prefix that contains the others.</summary>
    public static readonly Dataset Everything = new("everything", new DatasetSource(Bucket, "raw/", []));

    public static DatasetRouter Router() => new([Events, Sales, Everything]);
}
