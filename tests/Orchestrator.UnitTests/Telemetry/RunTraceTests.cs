using System.Diagnostics;
using Orchestrator.Jobs.Tracing;

namespace Orchestrator.UnitTests.Telemetry;

/// <summary>
/// A run's trace context is a function of its run id, so every step — on any task, after any restart — parents to the same
/// span; and the run span really carries that context when it is recorded at the end.
/// </summary>
public sealed class RunTraceTests
{
    private static string Parent(int i) => $"00-{i:x32}-{i:x16}-01";

    [Fact]
    public void The_run_context_is_derived_from_the_run_id_alone_and_is_sampled()
    {
        var runId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        var context = RunTrace.ContextOf(runId);

        Assert.Equal(context, RunTrace.ContextOf(runId));
        Assert.Equal("0f8fad5bd9cb469fa16570867728950e", context.TraceId.ToHexString());
        Assert.Equal("a16570867728950e", context.SpanId.ToHexString());
        Assert.True(context.TraceFlags.HasFlag(ActivityTraceFlags.Recorded));
        Assert.NotEqual(context.TraceId, RunTrace.ContextOf(Guid.NewGuid()).TraceId);
        Assert.Equal($"00-{context.TraceId}-{context.SpanId}-01", RunTrace.TraceParent(context));
    }

    [Fact]
    public void Append_skips_duplicates_and_empty_contexts_and_stops_at_the_bound()
    {
        var contexts = Enumerable.Range(1, 100).Select(i => RunTrace.ContextOf(Guid.Parse($"{i:x32}"))).ToArray();

        string? once = RunTrace.Append(null, contexts[0], default, contexts[0]);
        string? all = RunTrace.Append(once, contexts);

        Assert.Equal(RunTrace.TraceParent(contexts[0]), once);
        Assert.Equal(contexts.Take(RunTrace.MaxLinks).Select(RunTrace.TraceParent), all!.Split(' '));
        Assert.Equal(RunTrace.MaxTraceParentsLength, all.Length);
        Assert.Null(RunTrace.Append(null, default(ActivityContext)));
    }

    [Fact]
    public void Links_ignore_what_does_not_parse_and_repeat_nothing()
    {
        var links = RunTrace.Links($"{Parent(1)} garbage {Parent(2)} {Parent(1)} 00-00000000000000000000000000000000-0000000000000000-01");

        Assert.Equal([Parent(1), Parent(2)], links.Select(l => RunTrace.TraceParent(l.Context)));
        Assert.Empty(RunTrace.Links(null));
    }

    [Fact]
    public void Merge_keeps_the_first_entries_up_to_the_bound()
    {
        string first = string.Join(' ', Enumerable.Range(1, 60).Select(Parent));
        string more = string.Join(' ', Enumerable.Range(61, 10).Select(Parent));

        Assert.Equal(Enumerable.Range(1, RunTrace.MaxLinks).Select(Parent), RunTrace.Merge(first, more)!.Split(' '));
        Assert.Equal(Parent(3), RunTrace.Merge(null, Parent(3)));
        Assert.Null(RunTrace.Merge(null, " "));
    }

    [Fact]
    public void The_run_span_is_recorded_with_the_derived_context_as_a_root_and_the_callers_span_stays_current()
    {
        using var source = new ActivitySource("Orchestrator.UnitTests.RunSpan");
        var recorded = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = recorded.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var context = RunTrace.ContextOf(Guid.NewGuid());
        var cause = RunTrace.ContextOf(Guid.NewGuid());
        var start = new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);

        Assert.True(RunSpan.Supported, "System.Diagnostics.Activity no longer has the id fields RunSpan sets: the run trace would break in two.");
        using (var step = source.StartActivity("step", ActivityKind.Internal, context))
        {
            RunSpan.Record(source, "run", context, [new ActivityLink(cause)], start, start.AddMinutes(3), a => a.SetTag("k", "v"));
            Assert.Same(step, Activity.Current);
        }

        var run = Assert.Single(recorded, a => a.DisplayName == "run");
        var stepSpan = Assert.Single(recorded, a => a.DisplayName == "step");
        Assert.Equal((context.TraceId, context.SpanId), (run.TraceId, run.SpanId));
        Assert.Equal($"00-{context.TraceId}-{context.SpanId}-01", run.Id);
        Assert.Equal(run.Context.SpanId, stepSpan.ParentSpanId);
        Assert.Equal(default, run.ParentSpanId);
        Assert.Equal(cause, Assert.Single(run.Links).Context);
        Assert.Equal((start.UtcDateTime, TimeSpan.FromMinutes(3)), (run.StartTimeUtc, run.Duration));
        Assert.Equal("v", run.GetTagItem("k"));
    }
}
