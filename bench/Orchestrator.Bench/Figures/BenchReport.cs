using System.Globalization;
using System.Text.Json.Nodes;

namespace Orchestrator.Bench.Figures;

/// <summary>
/// Merges the modes' JSON lines into one object (each mode's figures under its name, so no two modes' keys collide and a
/// new mode needs no change here) and renders the one table, in Markdown so it can go into the README as printed.
/// </summary>
internal static class BenchReport
{
    /// <summary>The header's properties, then one property per mode that ran, then <c>not_run</c>: mode → reason.</summary>
    public static JsonObject Merge(JsonObject header, IEnumerable<ModeResult> results)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(results);
        var merged = new JsonObject();
        foreach (var (key, value) in header)
        {
            merged[key] = value?.DeepClone();
        }

        var notRun = new JsonObject();
        foreach (ModeResult result in results)
        {
            if (result.Figures is not null)
            {
                merged[result.Mode] = result.Figures.DeepClone();
            }
            else
            {
                notRun[result.Mode] = result.NotRun ?? "no figures";
            }
        }

        merged["not_run"] = notRun;
        return merged;
    }

    /// <summary>One row per figure the issue asks for; a mode that did not run shows why instead of numbers.</summary>
    public static IReadOnlyList<string> Table(JsonObject merged)
    {
        ArgumentNullException.ThrowIfNull(merged);
        var rows = new List<string>
        {
            "| figure | orchestrator | compared with (same run) |",
            "| --- | --- | --- |",
        };

        rows.Add(Row(merged, "ingestion", "ingestion (SQLite ledger, default settings)", f =>
        (
            $"{N0(f, "orchestrator_msgs_per_s")} msgs/s",
            $"raw SDK loop {N0(f, "raw_msgs_per_s")} msgs/s (ratio {N(f, "ratio_vs_raw", "F2")}); " +
            $"naive consumer {N0(f, "naive_msgs_per_s")} msgs/s (ratio {N(f, "ratio_vs_naive", "F1")})"
        )));

        // Not scaled to a fixed object count: the orchestrator's calls follow the new partitions and the windows, the
        // per-object approach's the objects, so the row says what the run used (10,000 objects by default, as the issue asks).
        rows.Add(Row(merged, "partitions", "partition-registration API calls", f =>
        {
            string cold = Number(f, "orchestrator_cold_calls") is null
                ? ""
                : $" (cold cache: {N0(f, "orchestrator_cold_calls")} calls, {N(f, "orchestrator_cold_seconds", "F2")} s)";
            string perObjectTime = Number(f, "per_object_seconds") is null ? "" : $", {N(f, "per_object_seconds", "F1")} s";
            return (
                $"{N0(f, "orchestrator_calls")} calls, {N(f, "orchestrator_seconds", "F2")} s{cold}",
                $"MSCK REPAIR TABLE {N0(f, "msck_calls")} calls, {N(f, "msck_seconds", "F1")} s; " +
                $"one ALTER TABLE ADD PARTITION per object {N0(f, "per_object_calls")} calls{perObjectTime}; " +
                $"{N0(f, "objects")} objects to {N0(f, "partitions")} partitions ({N0(f, "existing_partitions")} registered before), " +
                $"{N0(f, "windows")} windows");
        }));

        rows.Add(Row(merged, "latency", "object → partition registered, p50 / p95", f =>
        (
            $"{N(f, "registered_p50_s", "F1")} s / {N(f, "registered_p95_s", "F1")} s",
            $"{N0(f, "objects")} objects in bursts over {N(f, "upload_seconds", "F0")} s; {Text(f, "settings")}"
        )));

        rows.Add(Row(merged, "latency", "object → queryable in Athena after the Glue run, p50 / p95", f =>
        (
            $"{N(f, "queryable_p50_s", "F1")} s / {N(f, "queryable_p95_s", "F1")} s",
            $"{N0(f, "glue_runs")} Glue runs; Athena polled every {N(f, "athena_poll_s", "F1")} s"
        )));

        rows.Add(Row(merged, "latency", "RSS of the orchestrator process at steady state", f =>
        (
            $"{N0(f, "rss_steady_mb")} MB (median), {N0(f, "rss_peak_mb")} MB peak",
            merged["ingestion"] is JsonObject ingestion
                ? $"whole ingestion bench process (SDK loops + in-process host) peak {N0(ingestion, "rss_mb")} MB"
                : "sampled every second during the latency run"
        )));

        rows.Add(Row(merged, "startup", "start-up to first SQS receive, median", f =>
        (
            $"{N(f, "orchestrator_ms", "F0")} ms",
            $"bare generic host {N(f, "bare_host_ms", "F0")} ms; ratio {N(f, "ratio", "F1")} ({N0(f, "repetitions")} runs each)"
        )));

        return rows;
    }

    private static string Row(JsonObject merged, string mode, string figure, Func<JsonObject, (string Value, string Compared)> cells)
    {
        if (merged[mode] is JsonObject figures)
        {
            var (value, compared) = cells(figures);
            return $"| {figure} | {value} | {compared} |";
        }

        string reason = merged["not_run"]?[mode]?.GetValue<string>() ?? "not run";
        return $"| {figure} | not run | {reason} |";
    }

    private static double? Number(JsonObject figures, string key) =>
        figures[key] is JsonValue value && value.TryGetValue(out double number) ? number : null;

    private static string N(JsonObject figures, string key, string format) =>
        Number(figures, key)?.ToString(format, CultureInfo.InvariantCulture) ?? "?";

    private static string N0(JsonObject figures, string key) => N(figures, key, "N0");

    private static string Text(JsonObject figures, string key) =>
        figures[key] is JsonValue value && value.TryGetValue(out string? text) ? text : "?";
}
