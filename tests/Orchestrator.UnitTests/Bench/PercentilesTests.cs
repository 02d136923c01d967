using Orchestrator.Bench.Figures;

namespace Orchestrator.UnitTests.Bench;

public sealed class PercentilesTests
{
    [Fact]
    public void Nearest_rank_of_one_to_a_hundred_is_the_percentile_itself()
    {
        double[] values = [.. Enumerable.Range(1, 100).Select(i => (double)i).Reverse()];

        Assert.Equal(50, Percentiles.NearestRank(values, 50));
        Assert.Equal(95, Percentiles.NearestRank(values, 95));
        Assert.Equal(1, Percentiles.NearestRank(values, 1));
        Assert.Equal(100, Percentiles.NearestRank(values, 100));
    }

    [Fact]
    public void P95_of_two_hundred_samples_is_the_190th_smallest_and_always_a_measured_value()
    {
        double[] values = [.. Enumerable.Range(0, 200).Select(i => i * 0.1 + 0.05)];

        Assert.Equal(values[189], Percentiles.NearestRank(values, 95));
        Assert.Equal(values[99], Percentiles.NearestRank(values, 50));
    }

    [Fact]
    public void Median_of_an_odd_count_is_the_middle_and_of_an_even_count_the_lower_middle()
    {
        Assert.Equal(950, Percentiles.Median([1292, 903, 880, 2000, 950]));
        Assert.Equal(3, Percentiles.Median([5, 1, 3]));
        Assert.Equal(2, Percentiles.Median([4, 1, 3, 2]));
        Assert.Equal(7, Percentiles.Median([7]));
    }

    [Fact]
    public void No_values_or_a_percentile_outside_zero_to_a_hundred_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Percentiles.NearestRank([], 50));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.NearestRank([1.0], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.NearestRank([1.0], 100.5));
    }
}
