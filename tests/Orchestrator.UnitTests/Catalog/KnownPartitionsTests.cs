using Orchestrator.Jobs.Catalog;

namespace Orchestrator.UnitTests.Catalog;

public sealed class KnownPartitionsTests
{
    private static readonly TableRef Raw = new("db", "raw_sales");
    private static readonly TableRef Output = new("db", "my_table");

    [Fact]
    public void A_partition_is_known_per_table_and_by_all_its_values()
    {
        var known = new KnownPartitions();
        known.Add(Raw, [["2024", "01"]]);

        Assert.True(known.Contains(Raw, ["2024", "01"]));
        Assert.False(known.Contains(Output, ["2024", "01"]));
        Assert.False(known.Contains(Raw, ["2024", "02"]));
        Assert.False(known.Contains(Raw, ["2024/01"]));
    }

    [Fact]
    public void Beyond_its_capacity_the_least_recently_used_partition_is_forgotten()
    {
        var known = new KnownPartitions(capacity: 2);
        known.Add(Raw, [["1"], ["2"]]);
        Assert.True(known.Contains(Raw, ["1"])); // 1 is now the most recently used

        known.Add(Raw, [["3"]]);

        Assert.Equal(2, known.Count);
        Assert.True(known.Contains(Raw, ["1"]));
        Assert.False(known.Contains(Raw, ["2"]));
        Assert.True(known.Contains(Raw, ["3"]));
    }
}
