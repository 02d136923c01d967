using Orchestrator.Jobs.Aws.Glue;
using Orchestrator.Jobs.Runs;
using Orchestrator.Jobs.Tracing;
using static Orchestrator.UnitTests.GlueRuns.CoordinatorHarness;

namespace Orchestrator.UnitTests.GlueRuns;

/// <summary>One active run per job: requests meanwhile become exactly one follow-up run.</summary>
public sealed class GlueRunAdmissionTests
{
    [Theory]
    [InlineData("SUCCEEDED")]
    [InlineData("FAILED")]
    public async Task Requests_while_a_run_is_active_are_coalesced_into_exactly_one_follow_up(string outcome)
    {
        using var h = new CoordinatorHarness();
        var first = await h.AdmitAsync();
        await h.RequestAsync(RunTrigger.Event); // still Requested
        await h.StepAsync();
        await h.RequestAsync(RunTrigger.Schedule); // Running
        await h.RequestAsync(RunTrigger.Event);

        Assert.Single(h.Store.AllRuns());
        Assert.True(h.Run(first).FollowUpRequested);
        Assert.Single(h.Scheduler.Pending);
        Assert.Empty(h.Scheduler.Requests);

        h.Glue.SetState(h.Glue.SingleRun.Id!, JobRunState.FindValue(outcome), outcome == "FAILED" ? "boom" : null);
        await h.StepAsync();

        var followUp = Assert.Single(h.Scheduler.Requests);
        // The follow-up's trace links to the run it follows (the coalesced requests here carried no trace context).
        string previous = RunTrace.TraceParent(RunTrace.ContextOf(first));
        Assert.Equal(new ScheduledRequest(DatasetName, RunTrigger.FollowUp, h.Time.GetUtcNow(), 1, previous), followUp);

        // Quartz firing the finished run's step again (recovery after a crash) changes nothing.
        await h.Coordinator.AdvanceAsync(first, MinPoll, CancellationToken.None);
        Assert.Single(h.Scheduler.Requests);
        Assert.Empty(h.Scheduler.Pending);

        // The follow-up is a new run of its own, started like any other.
        await h.Coordinator.RequestAsync(followUp.Dataset, followUp.Trigger, followUp.Attempt, followUp.TraceParents, followUp.At,
            CancellationToken.None);
        var second = Assert.Single(h.Scheduler.Pending).RunId;
        Assert.NotEqual(first, second);
        await h.StepAsync();
        Assert.Equal(RunTrigger.FollowUp, h.Run(second).Trigger);
        Assert.False(h.Run(second).FollowUpRequested);
        Assert.Equal(RunState.Running, h.Run(second).State);
        Assert.Equal(2, h.Glue.Runs.Count);
    }
}
