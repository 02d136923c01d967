using System.Diagnostics;
using System.Diagnostics.Metrics;
using Orchestrator.Jobs.Costs;

namespace Orchestrator.UnitTests.Telemetry;

/// <summary>The Athena side of the per-dataset cost estimate: what Athena bills, recorded per dataset.</summary>
public sealed class AthenaCostTests
{
    private const long Megabyte = 1L << 20;

    [Theory]
    [InlineData(0L, 0L)] // DDL and failed queries scan nothing and cost nothing
    [InlineData(1L, 10 * Megabyte)] // 10 MB minimum per query
    [InlineData(10 * Megabyte + 1, 11 * Megabyte)] // rounded up to the next megabyte
    [InlineData(1L << 40, 1L << 40)]
    public void Billed_bytes_follow_athenas_rounding(long scanned, long billed) => Assert.Equal(billed, AthenaPricing.BilledBytes(scanned));

    [Fact]
    public void A_terabyte_costs_the_configured_price()
    {
        Assert.Equal(5.0, new AthenaPricing(AthenaPricing.DefaultTerabytePrice).Cost(1L << 40), 10);
        Assert.Equal(7.0 * 10 / (1 << 20), new AthenaPricing(7).Cost(1), 10);
    }

    [Fact]
    public void A_query_adds_its_bytes_and_cost_to_its_dataset_and_to_its_span()
    {
        var measured = new List<(string Instrument, double Value, string? Dataset)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == AthenaCostTelemetry.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measured.Add((i.Name, v, Dataset(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measured.Add((i.Name, v, Dataset(tags))));
        listener.Start();
        using var span = new Activity("athena.query").Start();

        double cost = AthenaCostTelemetry.RecordQuery("unit-test-dataset", 100 * Megabyte, new AthenaPricing(5), span);

        Assert.Equal(100.0 / (1 << 20) * 5, cost, 10);
        var mine = measured.Where(m => m.Dataset == "unit-test-dataset").ToList();
        Assert.Contains(("orchestrator.athena.bytes_scanned", 100.0 * Megabyte, "unit-test-dataset"), mine);
        Assert.Contains(("orchestrator.athena.cost", cost, "unit-test-dataset"), mine);
        Assert.Equal(100 * Megabyte, span.GetTagItem("orchestrator.athena.bytes_scanned"));
        Assert.Equal(cost, span.GetTagItem("orchestrator.athena.cost_usd"));
    }

    private static string? Dataset(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "dataset")
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
