using Orchestrator.Jobs.Aws.Glue;
using Orchestrator.Jobs.Ledger;
using Orchestrator.Jobs.Runs;
using static Orchestrator.UnitTests.GlueRuns.CoordinatorHarness;

namespace Orchestrator.UnitTests.GlueRuns;

/// <summary>Running → terminal: polling with backoff, Glue's outcome, and errors while polling.</summary>
public sealed class GlueRunPollTests
{
    [Theory]
    [InlineData("WAITING")]
    [InlineData("STARTING")]
    [InlineData("RUNNING")]
    [InlineData("STOPPING")]
    public async Task A_state_that_is_not_terminal_is_recorded_and_the_run_is_polled_again(string glueState)
    {
        using var h = new CoordinatorHarness();
        var (runId, jobRunId) = await StartedRunAsync(h);
        h.Glue.SetState(jobRunId, JobRunState.FindValue(glueState));

        await h.StepAsync();

        var run = h.Run(runId);
        Assert.Equal(RunState.Running, run.State);
        Assert.Equal(glueState, run.GlueState);
        Assert.Null(run.CompletedAt);
        Assert.Single(h.Scheduler.Pending);
        Assert.Empty(h.Scheduler.Requests);
    }

    [Fact]
    public async Task The_poll_interval_doubles_up_to_MaxPollInterval()
    {
        using var h = new CoordinatorHarness();
        var (runId, jobRunId) = await StartedRunAsync(h);
        h.Glue.SetState(jobRunId, JobRunState.WAITING);
        var delays = new List<double>();

        for (int poll = 0; poll < 6; poll++)
        {
            if (poll == 2)
            {
                h.Glue.SetState(jobRunId, JobRunState.RUNNING);
            }

            await h.StepAsync();
            delays.Add((Assert.Single(h.Scheduler.Pending).At - h.Time.GetUtcNow()).TotalSeconds);
        }

        // MinPollInterval 10 s, MaxPollInterval 60 s.
        Assert.Equal([10, 20, 40, 60, 60, 60], delays);
        Assert.Equal(RunState.Running, h.Run(runId).State);
        Assert.Equal("RUNNING", h.Run(runId).GlueState);
        Assert.Single(h.Glue.StartRequests);
    }

    [Theory]
    [InlineData("SUCCEEDED", RunState.Succeeded)]
    [InlineData("FAILED", RunState.Failed)]
    [InlineData("ERROR", RunState.Failed)]
    [InlineData("STOPPED", RunState.Failed)]
    [InlineData("TIMEOUT", RunState.Failed)]
    [InlineData("EXPIRED", RunState.Failed)]
    public async Task A_terminal_state_ends_the_run_with_Glue_s_outcome_and_error(string glueState, RunState expected)
    {
        using var h = new CoordinatorHarness();
        h.Store.AddPendingObjects(DatasetName, 2);
        var (runId, jobRunId) = await StartedRunAsync(h);
        h.Time.Advance(TimeSpan.FromMinutes(5));
        string? error = expected == RunState.Succeeded
            ? null
            : $"Job run ended {glueState}: An error occurred while calling o102.pyWriteDynamicFrame";
        h.Glue.SetState(jobRunId, JobRunState.FindValue(glueState), error);
        var completedOn = h.Time.GetUtcNow();

        await h.StepAsync();

        var run = h.Run(runId);
        Assert.Equal(expected, run.State);
        Assert.Equal(glueState, run.GlueState);
        Assert.Equal(error, run.Error);
        Assert.Equal(completedOn, run.CompletedAt);
        Assert.Equal(600, run.DpuSeconds); // 300 s × 2 DPU
        Assert.Empty(h.Scheduler.Pending);
        if (expected == RunState.Succeeded)
        {
            Assert.Equal(2, await h.Store.CountObjectsAsync(DatasetName, ObjectState.Processed, runId, CancellationToken.None));
        }
        else
        {
            Assert.Equal(2, h.Store.UnassignedObjects(DatasetName));
        }
    }

    [Fact]
    public async Task A_transient_error_while_polling_keeps_the_run_and_polls_again()
    {
        using var h = new CoordinatorHarness();
        var (runId, _) = await StartedRunAsync(h);
        h.Glue.GetJobRunErrors.Enqueue(GlueFaults.Internal());

        var step = await h.StepAsync();

        Assert.Equal(RunState.Running, h.Run(runId).State);
        var next = Assert.Single(h.Scheduler.Pending);
        Assert.Equal(h.Time.GetUtcNow() + step.PollInterval, next.At);
    }

    [Fact]
    public async Task A_run_Glue_no_longer_knows_fails_visibly_keeping_its_job_run_id_and_the_retry_policy_applies()
    {
        using var h = new CoordinatorHarness(retryAttempts: 1);
        h.Store.AddPendingObjects(DatasetName, 2);
        var (runId, jobRunId) = await StartedRunAsync(h);
        h.Glue.GetJobRunErrors.Enqueue(GlueFaults.NotFound());

        await h.StepAsync();

        var run = h.Run(runId);
        Assert.Equal(RunState.Failed, run.State);
        Assert.Equal("ERROR", run.GlueState);
        Assert.Equal(jobRunId, run.JobRunId);
        Assert.StartsWith("EntityNotFoundException", run.Error, StringComparison.Ordinal);
        Assert.Empty(h.Scheduler.Pending);
        Assert.Equal(2, h.Store.UnassignedObjects(DatasetName));
        var retry = Assert.Single(h.Scheduler.Requests);
        Assert.Equal((RunTrigger.Retry, 2), (retry.Trigger, retry.Attempt));
    }

    private static async Task<(Guid RunId, string JobRunId)> StartedRunAsync(CoordinatorHarness h)
    {
        var runId = await h.AdmitAsync();
        await h.StepAsync();
        return (runId, Assert.IsType<string>(h.Run(runId).JobRunId));
    }
}
