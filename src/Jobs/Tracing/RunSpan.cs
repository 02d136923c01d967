using System.Diagnostics;
using System.Reflection;

namespace Orchestrator.Jobs.Tracing;

/// <summary>
/// Emits a span with a context chosen beforehand (<see cref="RunTrace.ContextOf"/>). A run lasts many Quartz firings and
/// may outlive the process, so its span cannot be kept open from request to end; its steps are recorded as they happen,
/// as children of the run's derived context, and the run span is recorded once at the end. <see cref="Activity"/> has no
/// public way to take a given trace and span id (only its parent's), so after starting the span this sets the two private
/// id fields of <c>System.Diagnostics.Activity</c> (stable since .NET 5). If a future runtime renames them, <see cref="Supported"/>
/// is false, the run span keeps its own ids and links to the derived context instead — the trace breaks into two connected by
/// a link, nothing fails — and the unit test <c>RunSpanTests</c> fails so it is noticed at build time.
/// </summary>
internal static class RunSpan
{
    private static readonly FieldInfo? TraceIdField = typeof(Activity).GetField("_traceId", BindingFlags.Instance | BindingFlags.NonPublic);
    private static readonly FieldInfo? SpanIdField = typeof(Activity).GetField("_spanId", BindingFlags.Instance | BindingFlags.NonPublic);
    private static readonly FieldInfo? IdField = typeof(Activity).GetField("_id", BindingFlags.Instance | BindingFlags.NonPublic);

    /// <summary>Whether this runtime's Activity has the fields <see cref="Start"/> sets.</summary>
    public static bool Supported { get; } =
        TraceIdField?.FieldType == typeof(string) && SpanIdField?.FieldType == typeof(string) && IdField?.FieldType == typeof(string);

    /// <summary>
    /// Records a finished root span that carries <paramref name="context"/>'s trace and span id, from
    /// <paramref name="startTime"/> to <paramref name="endTime"/>; <paramref name="describe"/> sets its tags and status.
    /// The caller's <see cref="Activity.Current"/> is the same afterwards.
    /// </summary>
    public static void Record(ActivitySource source, string name, ActivityContext context, IEnumerable<ActivityLink> links,
        DateTimeOffset startTime, DateTimeOffset endTime, Action<Activity> describe)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(describe);
        var allLinks = links.ToList();
        if (!Supported)
        {
            allLinks.Add(new ActivityLink(context));
        }

        // No parent: the run is the root of its own trace, so the caller's span (a step of the run) must not become one.
        var previous = Activity.Current;
        Activity.Current = null;
        try
        {
            using var activity = source.StartActivity(name, ActivityKind.Internal, default(ActivityContext), tags: null, links: allLinks,
                startTime: startTime);
            if (activity is null)
            {
                return;
            }

            if (Supported && activity.IdFormat == ActivityIdFormat.W3C)
            {
                TraceIdField!.SetValue(activity, context.TraceId.ToHexString());
                SpanIdField!.SetValue(activity, context.SpanId.ToHexString());
                IdField!.SetValue(activity, null); // Id is rebuilt from the two on first read
            }

            describe(activity);
            activity.SetEndTime(endTime.UtcDateTime);
        }
        finally
        {
            Activity.Current = previous;
        }
    }
}
