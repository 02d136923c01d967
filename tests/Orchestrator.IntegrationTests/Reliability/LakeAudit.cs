using System.Globalization;
using System.Net.Http.Json;
using Orchestrator.IntegrationTests.Scheduling;
using Orchestrator.Jobs.GlueRuns;
using Orchestrator.Jobs.Ledger;
using Orchestrator.Jobs.Runs;
using Orchestrator.Jobs.Storage;

namespace Orchestrator.IntegrationTests.Reliability;

/// <summary>
/// The invariants every reliability run ends with, checked against the real stores and emulators: every object in the ledger
/// exactly once and processed, every partition registered (raw and curated), the seed's sums over the curated table exactly
/// those of the input (so no object was lost or counted twice), no two Glue runs of the bookmarked job overlapping, one Glue
/// start per run (no run started twice), nothing dead-lettered. Returns the violations instead of asserting, so the figures
/// are reported whatever the outcome.
/// </summary>
internal sealed class LakeAudit(GlueStackFixture stack, LakeInput input, StoreProvider provider, string connectionString)
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    /// <summary>Counts Processed objects and active runs until all objects are processed with no run active, or the timeout.</summary>
    public async Task<bool> WaitUntilSettledAsync(TimeSpan timeout, Func<Task>? whileWaiting = null)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (whileWaiting is not null)
            {
                await whileWaiting();
            }

            try
            {
                await using var store = RunStoreFactory.Create(provider, connectionString, TimeProvider.System);
                int processed = await store.CountObjectsAsync("sales", ObjectState.Processed, null, CancellationToken.None);
                var active = await store.ListActiveAsync(CancellationToken.None);
                if (processed >= input.Objects.Count && active.Count == 0)
                {
                    return true;
                }
            }
            catch (System.Data.Common.DbException)
            {
                // The database may be restarting, or the worker has not created its tables yet; the next probe sees them.
            }

            await Task.Delay(Poll);
        }

        return false;
    }

    /// <summary>Glue/Athena calls received by the emulator, per operation, since the last reset.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CallsAsync()
    {
        using var http = new HttpClient { BaseAddress = stack.GlueUrl };
        return await http.GetFromJsonAsync<Dictionary<string, long>>("/__admin/calls") ?? [];
    }

    public async Task ResetCallsAsync()
    {
        using var http = new HttpClient { BaseAddress = stack.GlueUrl };
        using var response = await http.DeleteAsync(new Uri("/__admin/calls", UriKind.Relative));
        response.EnsureSuccessStatusCode();
    }

    public async Task<List<string>> VerifyAsync(ReliabilityReport report, int deadLettered)
    {
        var violations = new List<string>();
        int n = input.Objects.Count;
        report.Add("objects", n);

        await using (var ledger = ObjectLedgerFactory.Create(provider, connectionString, TimeProvider.System))
        {
            var entries = await ledger.ListAsync(new LedgerQuery("sales", null, n * 10), CancellationToken.None);
            var keys = entries.Select(e => e.Key).ToList();
            var expected = input.Objects.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
            report.Add("ledger entries", entries.Count);
            report.Add("deliveries recorded (≥ objects)", entries.Sum(e => e.Deliveries));
            report.Add("ledger states", string.Join(", ", entries.GroupBy(e => (e.State, e.RejectReason)).Select(g => $"{g.Count()} {g.Key.State} {g.Key.RejectReason}".TrimEnd())));
            if (keys.Count != keys.Distinct(StringComparer.Ordinal).Count())
            {
                violations.Add("an object appears more than once in the ledger");
            }

            if (!expected.SetEquals(keys))
            {
                var missing = expected.Except(keys).Take(5).ToList();
                var extra = keys.Except(expected).Take(5).ToList();
                violations.Add($"ledger keys differ from the uploaded ones: missing {expected.Except(keys).Count()} (e.g. {string.Join(" | ", missing)}), " +
                    $"unexpected {keys.Except(expected).Count()} (e.g. {string.Join(" | ", extra)})");
            }

            int notProcessed = entries.Count(e => e.State != ObjectState.Processed);
            if (notProcessed > 0)
            {
                violations.Add($"{notProcessed} ledger entries are not Processed");
            }
        }

        IReadOnlyList<GlueRun> runs;
        await using (var store = RunStoreFactory.Create(provider, connectionString, TimeProvider.System))
        {
            runs = await store.ListAsync("sales", 100_000, CancellationToken.None);
        }

        var glueRuns = await stack.JobRunsAsync(input.Lake.Job);
        report.Add("runs (store)", $"{runs.Count} ({string.Join(", ", runs.GroupBy(r => r.State).Select(g => $"{g.Count()} {g.Key}"))})");
        report.Add("Glue starts", glueRuns.Count);
        var byCorrelation = glueRuns.GroupBy(r => (string?)r["Arguments"]?[DatasetJob.RunIdArgument]).ToList();
        var doubleStarts = byCorrelation.Where(g => g.Count() > 1).ToList();
        report.Add("runs started twice", doubleStarts.Count);
        if (doubleStarts.Count > 0)
        {
            violations.Add($"{doubleStarts.Count} runs were started more than once in Glue: {string.Join(", ", doubleStarts.Select(g => g.Key))}");
        }

        var runIds = runs.Select(r => r.RunId.ToString("D")).ToHashSet(StringComparer.Ordinal);
        var orphans = byCorrelation.Where(g => g.Key is null || !runIds.Contains(g.Key)).ToList();
        if (orphans.Count > 0)
        {
            violations.Add($"{orphans.Count} Glue runs belong to no run in the store");
        }

        var ordered = glueRuns.OrderBy(r => (double)r["StartedOn"]!).ToList();
        int overlaps = ordered.Zip(ordered.Skip(1)).Count(p => p.First["CompletedOn"] is null || (double)p.First["CompletedOn"]! > (double)p.Second["StartedOn"]!);
        report.Add("overlapping Glue runs", overlaps);
        if (overlaps > 0)
        {
            violations.Add($"{overlaps} pairs of Glue runs of the bookmarked job overlapped");
        }

        var raw = await stack.PartitionsAsync(input.Lake.Database, "raw_sales");
        var curated = await stack.PartitionsAsync(input.Lake.Database, "my_table");
        report.Add("partitions raw / curated", $"{raw.Count} / {curated.Count} (expected {input.RawPartitions.Count} / {input.CuratedPartitions.Count})");
        if (!raw.SequenceEqual(input.RawPartitions))
        {
            violations.Add($"raw partitions {string.Join(",", raw)} differ from {string.Join(",", input.RawPartitions)}");
        }

        if (!curated.SequenceEqual(input.CuratedPartitions))
        {
            violations.Add($"curated partitions {string.Join(",", curated)} differ from {string.Join(",", input.CuratedPartitions)}");
        }

        var rows = await stack.SelectAsync(
            "SELECT year, month, name, SUM(amount) AS total_amount, COUNT(*) AS n FROM my_table GROUP BY year, month, name ORDER BY year, month, name",
            input.Lake.Database);
        var actual = rows.ToDictionary(
            r => (int.Parse(r[0]!, CultureInfo.InvariantCulture), int.Parse(r[1]!, CultureInfo.InvariantCulture), r[2]!),
            r => (double.Parse(r[3]!, CultureInfo.InvariantCulture), int.Parse(r[4]!, CultureInfo.InvariantCulture)));
        var wrong = input.Sums.Where(e => !actual.TryGetValue(e.Key, out var a) || a != e.Value).ToList();
        report.Add("query rows / total", $"{actual.Values.Sum(a => a.Item2)} rows, sum {actual.Values.Sum(a => a.Item1).ToString(CultureInfo.InvariantCulture)} " +
            $"(input {n} rows, sum {input.Objects.Sum(o => o.Amount).ToString(CultureInfo.InvariantCulture)})");
        if (wrong.Count > 0 || actual.Count != input.Sums.Count)
        {
            violations.Add($"the curated sums differ from the input's in {wrong.Count} groups (e.g. {string.Join("; ", wrong.Take(3).Select(w => $"{w.Key}: expected {w.Value}, got {(actual.TryGetValue(w.Key, out var a) ? a.ToString() : "nothing")}"))})");
        }

        report.Add("dead-lettered messages", deadLettered);
        if (deadLettered > 0)
        {
            violations.Add($"{deadLettered} messages were dead-lettered");
        }

        return violations;
    }

    /// <summary>A worker's output, shortened to its last lines, for a failure message.</summary>
    public static string Tail(string output, int lines = 40) => string.Join('\n', output.Split('\n').TakeLast(lines));
}
