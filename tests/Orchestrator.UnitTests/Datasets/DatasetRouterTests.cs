using Orchestrator.Jobs.Datasets;
using Orchestrator.Jobs.Objects;

namespace Orchestrator.UnitTests.Datasets;

public sealed class DatasetRouterTests
{
    private readonly DatasetRouter _router = TestDatasets.Router();

    [Fact]
    public void Hive_key_is_routed_with_its_canonical_partition()
    {
        RoutingDecision decision = _router.Route(
            TestDatasets.Bucket, "raw/events/region=eu-west-1/year=2024/shard=07/day=2024-01-15/part-0.parquet");

        Assert.True(decision.IsAccepted);
        Assert.Equal("events", decision.Dataset);
        Assert.Equal("region=eu-west-1/year=2024/shard=07/day=2024-01-15", decision.Partition);
        Assert.Null(decision.Detail);
    }

    [Fact]
    public void Object_event_is_routed_by_bucket_and_key()
    {
        var e = new ObjectEvent(
            TestDatasets.Bucket, "raw/sales/2024/01/15/a.csv", ObjectChange.Created, "ObjectCreated:Put", DateTimeOffset.UnixEpoch,
            1, "e", null, "01");

        Assert.Equal(RoutingDecision.Accept("sales", "year=2024/month=01/day=15"), _router.Route(e));
    }

    [Fact]
    public void Longest_prefix_wins()
    {
        Assert.Equal("sales", _router.Route(TestDatasets.Bucket, "raw/sales/2024/01/15/a.csv").Dataset);
        Assert.Equal(RoutingDecision.Accept("everything", ""), _router.Route(TestDatasets.Bucket, "raw/other/a.csv"));
    }

    [Fact]
    public void Longest_prefix_wins_even_when_its_partitions_are_wrong()
    {
        RoutingDecision decision = _router.Route(TestDatasets.Bucket, "raw/sales/a.csv");

        Assert.Equal(RejectReason.MissingPartition, decision.Reason);
        Assert.Equal("sales", decision.Dataset);
    }

    [Fact]
    public void Longest_prefix_wins_whatever_the_configuration_order()
    {
        var router = new DatasetRouter([TestDatasets.Everything, TestDatasets.Sales]);

        Assert.Equal("sales", router.Route(TestDatasets.Bucket, "raw/sales/2024/01/15/a.csv").Dataset);
    }

    [Theory]
    [InlineData("other-bucket", "raw/sales/2024/01/15/a.csv")]
    [InlineData(TestDatasets.Bucket, "landing/a.csv")]
    [InlineData("LAKE-RAW", "raw/a.csv")]
    [InlineData(TestDatasets.Bucket, "RAW/a.csv")]
    public void Keys_outside_every_dataset_are_rejected(string bucket, string key)
    {
        RoutingDecision decision = _router.Route(bucket, key);

        Assert.Equal(RejectReason.NoDataset, decision.Reason);
        Assert.Null(decision.Dataset);
        Assert.NotNull(decision.Detail);
    }

    [Theory]
    [InlineData("raw/events/region=eu/year=2024/", "events")]
    [InlineData("raw/sales/", "sales")]
    [InlineData("raw/", "everything")]
    [InlineData("landing/", null)]
    public void Folder_markers_are_rejected(string key, string? dataset)
    {
        RoutingDecision decision = _router.Route(TestDatasets.Bucket, key);

        Assert.Equal(RejectReason.FolderMarker, decision.Reason);
        Assert.Equal(dataset, decision.Dataset);
    }

    [Fact]
    public void Template_columns_may_come_in_any_order_and_the_partition_follows_column_order()
    {
        var dataset = new Dataset(
            "monthly",
            new DatasetSource(
                "b",
                "m/",
                [new PartitionColumn("year", PartitionColumnType.Int), new PartitionColumn("month", PartitionColumnType.Int)],
                "{month}/{year}"));

        RoutingDecision decision = new DatasetRouter([dataset]).Route("b", "m/02/2024/x.csv");

        Assert.Equal("year=2024/month=02", decision.Partition);
    }

    [Fact]
    public void Files_may_sit_in_folders_below_the_partition()
    {
        RoutingDecision decision = _router.Route(TestDatasets.Bucket, "raw/sales/2024/01/15/batch=7/a b.csv");

        Assert.Equal("year=2024/month=01/day=15", decision.Partition);
    }

    [Fact]
    public void Value_is_everything_after_the_first_equals_sign_and_is_then_validated()
    {
        RoutingDecision decision = _router.Route(TestDatasets.Bucket, "raw/events/region=eu=west/year=2024/shard=1/day=2024-01-15/f");

        Assert.Equal(RejectReason.InvalidPartitionValue, decision.Reason);
        Assert.Equal("events", decision.Dataset);
        Assert.Contains("'region'", decision.Detail, StringComparison.Ordinal);
        Assert.Contains("\"eu=west\"", decision.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("raw/events/region=eu/year=2024/shard=1/f.csv")]
    [InlineData("raw/events/region=eu/year=2024/shard=1/day=2024-01-15")]
    [InlineData("raw/events/year=2024/region=eu/shard=1/day=2024-01-15/f.csv")]
    [InlineData("raw/events/Region=eu/year=2024/shard=1/day=2024-01-15/f.csv")]
    [InlineData("raw/events/region/year=2024/shard=1/day=2024-01-15/f.csv")]
    [InlineData("raw/events//region=eu/year=2024/shard=1/day=2024-01-15/f.csv")]
    [InlineData("raw/events/f.csv")]
    [InlineData("raw/sales/2024/01/a.csv")]
    [InlineData("raw/sales/2024/01/15")]
    public void Keys_without_the_required_partitions_are_rejected(string key)
    {
        RoutingDecision decision = _router.Route(TestDatasets.Bucket, key);

        Assert.Equal(RejectReason.MissingPartition, decision.Reason);
        Assert.NotNull(decision.Dataset);
        Assert.NotNull(decision.Detail);
    }

    [Theory]
    [InlineData("region=eu/year=twenty/shard=1/day=2024-01-15", "year")]
    [InlineData("region=eu/year=2147483648/shard=1/day=2024-01-15", "year")]
    [InlineData("region=eu/year=+1/shard=1/day=2024-01-15", "year")]
    [InlineData("region=eu/year=2024/shard=9223372036854775808/day=2024-01-15", "shard")]
    [InlineData("region=eu/year=2024/shard=1/day=2023-02-29", "day")]
    [InlineData("region=eu/year=2024/shard=1/day=15-01-2024", "day")]
    [InlineData("region=eu west/year=2024/shard=1/day=2024-01-15", "region")]
    [InlineData("region=eu'; DROP TABLE x; --/year=2024/shard=1/day=2024-01-15", "region")]
    [InlineData("region=/year=2024/shard=1/day=2024-01-15", "region")]
    [InlineData("region=caf\u00e9/year=2024/shard=1/day=2024-01-15", "region")]
    [InlineData("region=a%2Fb/year=2024/shard=1/day=2024-01-15", "region")]
    [InlineData("region=..%5C../year=2024/shard=1/day=2024-01-15", "region")]
    public void Invalid_partition_values_are_rejected_naming_the_column(string partition, string column)
    {
        RoutingDecision decision = _router.Route(TestDatasets.Bucket, "raw/events/" + partition + "/file.csv");

        Assert.Equal(RejectReason.InvalidPartitionValue, decision.Reason);
        Assert.StartsWith($"partition '{column}' value ", decision.Detail, StringComparison.Ordinal);
        Assert.Null(decision.Partition);
    }

    [Fact]
    public void Template_values_are_validated_too()
    {
        RoutingDecision decision = _router.Route(TestDatasets.Bucket, "raw/sales/2024/1x/15/a.csv");

        Assert.Equal(RejectReason.InvalidPartitionValue, decision.Reason);
        Assert.StartsWith("partition 'month' value \"1x\"", decision.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejected_values_are_escaped_for_logs()
    {
        RoutingDecision decision = _router.Route(TestDatasets.Bucket, "raw/events/region=a\nb\u001b[31m\"/year=1/shard=1/day=2024-01-15/f");

        Assert.Equal(RejectReason.InvalidPartitionValue, decision.Reason);
        Assert.Contains("\"a\\u000Ab\\u001B[31m\\u0022\"", decision.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', decision.Detail!);
    }

    [Fact]
    public void Key_equal_to_an_unpartitioned_prefix_has_no_file_name()
    {
        var router = new DatasetRouter([new Dataset("flat", new DatasetSource("b", "exports/data", []))]);

        Assert.Equal(RejectReason.MissingPartition, router.Route("b", "exports/data").Reason);
        Assert.Equal(RoutingDecision.Accept("flat", ""), router.Route("b", "exports/data.csv"));
    }

    public static TheoryData<Dataset[]> InvalidConfigurations => new()
    {
        new[] { TestDatasets.Sales, TestDatasets.Sales with { Name = "sales2" } },
        new[] { Hive("bad", new PartitionColumn("Year", PartitionColumnType.Int)) },
        new[] { Hive("dup", new PartitionColumn("a", PartitionColumnType.Int), new PartitionColumn("a", PartitionColumnType.Int)) },
        new[] { Templated("{year}/{month}/") },
        new[] { Templated("{year}/{year}/{day}/") },
        new[] { Templated("{year}/{month}/{day}/{hour}/") },
        new[] { Templated("{year}/{month}/data/") },
    };

    [Theory]
    [MemberData(nameof(InvalidConfigurations))]
    public void Configurations_that_cannot_route_correctly_are_refused(Dataset[] datasets) =>
        Assert.Throws<ArgumentException>(() => new DatasetRouter(datasets));

    private static Dataset Hive(string name, params PartitionColumn[] columns) => new(name, new DatasetSource("b", name + "/", columns));

    private static Dataset Templated(string template) =>
        TestDatasets.Sales with { Source = TestDatasets.Sales.Source with { KeyTemplate = template } };
}
