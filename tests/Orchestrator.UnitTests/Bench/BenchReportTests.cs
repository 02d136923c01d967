using System.Text.Json.Nodes;
using Orchestrator.Bench.Figures;

namespace Orchestrator.UnitTests.Bench;

public sealed class BenchReportTests
{
    private static JsonObject Json(string text) => (JsonObject)JsonNode.Parse(text)!;

    private static readonly JsonObject Header = Json("""{"date":"2026-11-26 02:00 UTC","machine":"2 cores"}""");

    private static readonly ModeResult Ingestion = new("ingestion", Json("""
        {"raw_msgs_per_s":3514,"naive_msgs_per_s":1566,"orchestrator_msgs_per_s":5376,"ratio_vs_raw":1.53,"ratio_vs_naive":3.4,"rss_mb":150}
        """), null);

    private static readonly ModeResult Latency = new("latency", Json("""
        {"objects":200,"upload_seconds":80.4,"registered_p50_s":2.23,"registered_p95_s":4.64,"queryable_p50_s":6.36,
         "queryable_p95_s":9.96,"glue_runs":21,"athena_poll_s":0.49,"rss_steady_mb":120,"rss_peak_mb":125,"settings":"Debounce 00:00:02"}
        """), null);

    private static readonly ModeResult Startup = new("startup", Json("""
        {"orchestrator_ms":903,"bare_host_ms":391,"ratio":2.31,"repetitions":5}
        """), null);

    [Fact]
    public void Each_mode_is_merged_under_its_own_name_after_the_header_and_a_missing_one_under_not_run()
    {
        var merged = BenchReport.Merge(Header, [Ingestion, new ModeResult("partitions", null, "not in this build"), Latency]);

        Assert.Equal(["date", "machine", "ingestion", "latency", "not_run"], merged.Select(p => p.Key));
        Assert.Equal(5376, merged["ingestion"]!["orchestrator_msgs_per_s"]!.GetValue<double>());
        Assert.Equal(2.23, merged["latency"]!["registered_p50_s"]!.GetValue<double>());
        Assert.Equal("not in this build", merged["not_run"]!["partitions"]!.GetValue<string>());
        // The modes' own objects are copied, not moved: the merge can be rendered and printed more than once.
        Assert.NotNull(Latency.Figures!["objects"]);
        Assert.Equal(merged.ToJsonString(), JsonNode.Parse(merged.ToJsonString())!.ToJsonString());
    }

    [Fact]
    public void The_table_shows_every_figure_with_what_it_is_compared_with()
    {
        var table = BenchReport.Table(BenchReport.Merge(Header, [Ingestion, Latency, Startup]));

        Assert.Equal("| figure | orchestrator | compared with (same run) |", table[0]);
        Assert.Contains(table, r => r.StartsWith("| ingestion", StringComparison.Ordinal)
            && r.Contains("| 5,376 msgs/s |", StringComparison.Ordinal)
            && r.Contains("raw SDK loop 3,514 msgs/s (ratio 1.53)", StringComparison.Ordinal)
            && r.Contains("naive consumer 1,566 msgs/s (ratio 3.4)", StringComparison.Ordinal));
        Assert.Contains(table, r => r.Contains("partition registered", StringComparison.Ordinal) && r.Contains("| 2.2 s / 4.6 s |", StringComparison.Ordinal)
            && r.Contains("Debounce 00:00:02", StringComparison.Ordinal));
        Assert.Contains(table, r => r.Contains("queryable", StringComparison.Ordinal) && r.Contains("| 6.4 s / 10.0 s |", StringComparison.Ordinal)
            && r.Contains("21 Glue runs", StringComparison.Ordinal));
        Assert.Contains(table, r => r.Contains("RSS", StringComparison.Ordinal) && r.Contains("| 120 MB (median), 125 MB peak |", StringComparison.Ordinal)
            && r.Contains("150 MB", StringComparison.Ordinal));
        Assert.Contains(table, r => r.Contains("start-up", StringComparison.Ordinal) && r.Contains("| 903 ms |", StringComparison.Ordinal)
            && r.Contains("bare generic host 391 ms; ratio 2.3", StringComparison.Ordinal));
    }

    [Fact]
    public void A_mode_that_did_not_run_shows_why_in_its_rows()
    {
        var table = BenchReport.Table(BenchReport.Merge(Header, [Ingestion, new ModeResult("latency", null, "failed (exit 1), see its output above")]));

        var latencyRows = table.Where(r => r.Contains("p50 / p95", StringComparison.Ordinal) || r.Contains("RSS", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, latencyRows.Count);
        Assert.All(latencyRows, r => Assert.EndsWith("| not run | failed (exit 1), see its output above |", r, StringComparison.Ordinal));
        Assert.Contains(table, r => r.Contains("partition-registration", StringComparison.Ordinal) && r.EndsWith("| not run | not run |", StringComparison.Ordinal));
    }

    [Fact]
    public void The_partitions_branch_figures_show_all_three_approaches_and_what_the_run_used()
    {
        // The JSON line of the partitions branch's PartitionBench, as it prints it.
        var partitions = new ModeResult("partitions", Json("""
            {"orchestrator_calls":5,"orchestrator_seconds":0.412,"orchestrator_cold_calls":6,"orchestrator_cold_seconds":0.5,
             "msck_calls":10,"msck_seconds":12.3,"per_object_calls":10000,"per_object_seconds":95.25,"objects":10000,
             "partitions":100,"existing_partitions":50,"windows":10}
            """), null);

        string row = Assert.Single(BenchReport.Table(BenchReport.Merge(Header, [partitions])), r => r.Contains("partition-registration", StringComparison.Ordinal));

        Assert.Equal(
            "| partition-registration API calls | 5 calls, 0.41 s (cold cache: 6 calls, 0.50 s) | " +
            "MSCK REPAIR TABLE 10 calls, 12.3 s; one ALTER TABLE ADD PARTITION per object 10,000 calls, 95.2 s; " +
            "10,000 objects to 100 partitions (50 registered before), 10 windows |",
            row);
    }

    [Theory]
    [InlineData("{\"a\":1}", true)]
    [InlineData("{\"a\":1}\n\n  ", true)]
    [InlineData("{\"a\":1}\nUnhandled exception.", false)]
    [InlineData("[1,2]", false)]
    [InlineData("{\"a\":", false)]
    [InlineData("", false)]
    public void Figures_are_the_last_non_blank_line_when_it_is_a_json_object(string output, bool found)
    {
        var figures = ModeResult.LastJsonObject(["ingestion 5000 msgs", .. output.Split('\n')]);

        Assert.Equal(found, figures is not null);
        if (found)
        {
            Assert.Equal(1, figures!["a"]!.GetValue<int>());
        }
    }
}
