using System.Diagnostics;
using Orchestrator.Jobs.Runs;

namespace Orchestrator.Jobs.Tracing;

/// <summary>
/// The trace of one run, across Quartz firings, restarts and cluster nodes. A run's span context is derived from its
/// <see cref="GlueRun.RunId"/> (trace id = the run id's 16 bytes, span id = its last 8), so every step of the run — on
/// whichever task, before or after a crash — can parent its spans to the run span without storing anything, and the run
/// span itself is emitted once at the end with exactly that context (<see cref="RunSpan"/>). An operator who has a run id
/// (<c>orchestrator runs</c>) also has the run's trace id.
/// </summary>
public static class RunTrace
{
    /// <summary>
    /// Span links kept per run: one per receive batch that asked for it, plus the run it follows. Beyond this the causes of a
    /// run are still in the ledger (lineage), just not linked: a link list of thousands helps no one and OpenTelemetry's
    /// default span limit is 128 links.
    /// </summary>
    public const int MaxLinks = 64;

    /// <summary>Longest stored traceparent list: <see cref="MaxLinks"/> entries of 55 characters, separated by spaces.</summary>
    public const int MaxTraceParentsLength = (MaxLinks * 56) - 1;

    /// <summary>The run span's context: sampled, so the steps' child spans are recorded by a parent-based sampler.</summary>
    public static ActivityContext ContextOf(Guid runId)
    {
        Span<byte> bytes = stackalloc byte[16];
        runId.TryWriteBytes(bytes, bigEndian: true, out _);
        return new ActivityContext(ActivityTraceId.CreateFromBytes(bytes), ActivitySpanId.CreateFromBytes(bytes[8..]),
            ActivityTraceFlags.Recorded, isRemote: true);
    }

    /// <summary>W3C traceparent of a context (<c>00-&lt;trace&gt;-&lt;span&gt;-&lt;flags&gt;</c>).</summary>
    public static string TraceParent(ActivityContext context) =>
        $"00-{context.TraceId.ToHexString()}-{context.SpanId.ToHexString()}-{(context.TraceFlags.HasFlag(ActivityTraceFlags.Recorded) ? "01" : "00")}";

    /// <summary>
    /// Adds contexts to a space-separated traceparent list (as stored with a run and in a debounce trigger), skipping
    /// duplicates and empty contexts, keeping at most <see cref="MaxLinks"/> (the first ones: the earliest causes).
    /// </summary>
    public static string? Append(string? traceParents, params ReadOnlySpan<ActivityContext> contexts)
    {
        var list = Split(traceParents);
        foreach (var context in contexts)
        {
            if (context == default || list.Count >= MaxLinks)
            {
                continue;
            }

            string parent = TraceParent(context);
            if (!list.Contains(parent, StringComparer.Ordinal))
            {
                list.Add(parent);
            }
        }

        return list.Count == 0 ? null : string.Join(' ', list);
    }

    /// <summary>
    /// Appends a traceparent list to another, keeping at most <see cref="MaxLinks"/> entries — what the stores do in SQL when
    /// a request is coalesced into an active run (<see cref="GlueRun.FollowUpTraceParents"/>).
    /// </summary>
    public static string? Merge(string? traceParents, string? more)
    {
        var list = Split(traceParents).Concat(Split(more)).Take(MaxLinks).ToList();
        return list.Count == 0 ? null : string.Join(' ', list);
    }

    /// <summary>Span links for a stored traceparent list; entries that do not parse are ignored.</summary>
    public static IReadOnlyList<ActivityLink> Links(string? traceParents) =>
        Split(traceParents)
            .Select(p => ActivityContext.TryParse(p, null, out var context) ? context : default)
            .Where(c => c != default)
            .Distinct()
            .Take(MaxLinks)
            .Select(c => new ActivityLink(c))
            .ToList();

    /// <summary>
    /// For work that covers what runs produced — Athena maintenance of a dataset's tables — links to the spans of the
    /// dataset's latest finished runs (newest first, at most <paramref name="max"/>). The maintenance span is its own root
    /// (a cron fire, not part of any run) and links to these, so from a maintenance query you reach the runs whose output it
    /// compacted, and from a run its later maintenance (the backend's "linked from" view).
    /// </summary>
    public static async Task<IReadOnlyList<ActivityLink>> LinksToRecentRunsAsync(IRunStore store, string dataset, int max,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        max = Math.Min(max, MaxLinks);
        var runs = await store.ListAsync(dataset, max * 4, cancellationToken);
        return runs.Where(r => r.CompletedAt is not null)
            .Take(max)
            .Select(r => new ActivityLink(ContextOf(r.RunId), new ActivityTagsCollection
            {
                ["orchestrator.run_id"] = r.RunId.ToString("D"),
                ["orchestrator.glue.state"] = r.GlueState,
            }))
            .ToList();
    }

    private static List<string> Split(string? traceParents) =>
        (traceParents ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
}
