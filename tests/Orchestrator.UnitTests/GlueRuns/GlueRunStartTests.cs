using Orchestrator.Jobs.GlueRuns;
using Orchestrator.Jobs.Ledger;
using Orchestrator.Jobs.Runs;
using Orchestrator.Jobs.Tracing;
using static Orchestrator.UnitTests.GlueRuns.CoordinatorHarness;

namespace Orchestrator.UnitTests.GlueRuns;

/// <summary>Requested → Starting → Running: StartJobRun, its lost responses, refusals and the start window.</summary>
public sealed class GlueRunStartTests
{
    [Fact]
    public async Task A_started_run_is_Running_with_Glue_s_run_id_and_is_polled_one_MinPollInterval_later()
    {
        using var h = new CoordinatorHarness();
        h.Store.AddPendingObjects(DatasetName, 3);
        var runId = await h.AdmitAsync();
        Assert.Equal(RunState.Requested, h.Run(runId).State);

        await h.StepAsync();

        var run = h.Run(runId);
        Assert.Equal(RunState.Running, run.State);
        Assert.Equal(h.Glue.SingleRun.Id, run.JobRunId);
        Assert.Equal(h.Time.GetUtcNow(), run.StartedAt);
        var request = Assert.Single(h.Glue.StartRequests);
        Assert.Equal(JobName, request.JobName);
        Assert.NotNull(request.Arguments);
        Assert.Equal("job-bookmark-enable", request.Arguments["--job-bookmark-option"]);
        Assert.Equal(runId.ToString("D"), request.Arguments[DatasetJob.RunIdArgument]);
        Assert.Equal("s3://lake/curated/clicks/", request.Arguments["--target"]);
        Assert.Equal(new ScheduledAdvance(DatasetName, runId, h.Time.GetUtcNow() + MinPoll, MinPoll), Assert.Single(h.Scheduler.Pending));

        // Lineage: the run took every object that was waiting.
        Assert.Equal(3, await h.Store.CountObjectsAsync(DatasetName, ObjectState.Pending, runId, CancellationToken.None));
        Assert.Equal(0, h.Store.UnassignedObjects(DatasetName));
    }

    [Theory]
    [InlineData("InternalServiceException")]
    [InlineData("OperationTimeoutException")]
    [InlineData("TimeoutException")]
    [InlineData("HttpRequestException")]
    public async Task A_start_whose_response_was_lost_is_found_by_its_correlation_argument_and_never_repeated(string lostBy)
    {
        using var h = new CoordinatorHarness();
        h.Glue.StartOutcomes.Enqueue(StartOutcome.CreatedThenFailed(LostResponse(lostBy)));
        var runId = await h.AdmitAsync();

        await h.StepAsync();

        Assert.Equal(RunState.Starting, h.Run(runId).State);
        Assert.Null(h.Run(runId).JobRunId);
        Assert.Equal(h.Time.GetUtcNow() + MinPoll, Assert.Single(h.Scheduler.Pending).At);

        // Someone starts another run from the console meanwhile: the newest run in GetJobRuns is not ours.
        var created = h.Glue.SingleRun;
        h.Glue.AddForeignRun(JobName, h.Time.GetUtcNow().AddSeconds(5));

        await h.StepAsync();

        var run = h.Run(runId);
        Assert.Equal(RunState.Running, run.State);
        Assert.Equal(created.Id, run.JobRunId);
        Assert.Single(h.Glue.StartRequests);
        Assert.Equal(MinPoll, Assert.Single(h.Scheduler.Pending).PollInterval);
    }

    [Fact]
    public async Task A_start_that_failed_before_reaching_Glue_is_made_again_and_Glue_has_exactly_one_run()
    {
        using var h = new CoordinatorHarness();
        h.Glue.StartOutcomes.Enqueue(StartOutcome.Failed(GlueFaults.Internal()));
        var runId = await h.AdmitAsync();

        await h.StepAsync();
        Assert.Equal(RunState.Starting, h.Run(runId).State);
        Assert.Empty(h.Glue.Runs);

        await h.StepAsync();

        var glueRun = h.Glue.SingleRun;
        Assert.Equal(RunState.Running, h.Run(runId).State);
        Assert.Equal(glueRun.Id, h.Run(runId).JobRunId);
        Assert.Equal(runId.ToString("D"), glueRun.Arguments![DatasetJob.RunIdArgument]);
        Assert.Equal(2, h.Glue.StartRequests.Count);
        Assert.Single(h.Scheduler.Pending);
    }

    [Fact]
    public async Task ConcurrentRunsExceeded_keeps_the_run_Starting_within_the_start_window_then_fails_it_and_releases_its_objects()
    {
        using var h = new CoordinatorHarness();
        h.Store.AddPendingObjects(DatasetName, 4);

        // A run started outside the orchestrator holds the job's only concurrency slot.
        h.Glue.AddForeignRun(JobName, h.Time.GetUtcNow().AddHours(-1));
        for (int i = 0; i < 3; i++)
        {
            h.Glue.StartOutcomes.Enqueue(StartOutcome.Failed(GlueFaults.ConcurrentRuns()));
        }

        var runId = await h.AdmitAsync();

        await h.StepAsync();
        Assert.Equal(RunState.Starting, h.Run(runId).State);
        Assert.Equal(h.Time.GetUtcNow() + MinPoll, Assert.Single(h.Scheduler.Pending).At);
        Assert.Equal(0, h.Store.UnassignedObjects(DatasetName));

        await h.StepAsync();
        Assert.Equal(RunState.Starting, h.Run(runId).State);
        Assert.Single(h.Scheduler.Pending);

        h.Time.Advance(StartWindow);
        await h.StepAsync();

        var run = h.Run(runId);
        Assert.Equal(RunState.Failed, run.State);
        Assert.Equal("START_FAILED", run.GlueState);
        Assert.Contains("ConcurrentRunsExceededException", run.Error, StringComparison.Ordinal);
        Assert.Equal(h.Time.GetUtcNow(), run.CompletedAt);
        Assert.Empty(h.Scheduler.Pending);
        Assert.Equal(4, h.Store.UnassignedObjects(DatasetName));
        Assert.Equal(3, h.Glue.StartRequests.Count);
        Assert.Single(h.Glue.Runs); // only the foreign one
    }

    [Fact]
    public async Task A_lost_start_response_after_the_start_window_is_looked_up_instead_of_failing_a_run_Glue_is_running()
    {
        using var h = new CoordinatorHarness();
        h.Store.AddPendingObjects(DatasetName, 2);
        h.Glue.StartOutcomes.Enqueue(StartOutcome.Failed(GlueFaults.ConcurrentRuns()));
        h.Glue.StartOutcomes.Enqueue(StartOutcome.CreatedThenFailed(GlueFaults.Internal()));
        var runId = await h.AdmitAsync();
        await h.StepAsync();

        // The slot frees up just after the window: Glue starts our run, but its response is lost.
        h.Time.Advance(StartWindow + TimeSpan.FromSeconds(1));
        await h.StepAsync();

        Assert.Equal(RunState.Starting, h.Run(runId).State);
        var created = h.Glue.Runs[^1];
        Assert.Equal(runId.ToString("D"), created.Arguments![DatasetJob.RunIdArgument]);

        await h.StepAsync();

        var run = h.Run(runId);
        Assert.Equal(RunState.Running, run.State);
        Assert.Equal(created.Id, run.JobRunId);
        Assert.Equal(0, h.Store.UnassignedObjects(DatasetName));
        Assert.Equal(2, h.Glue.StartRequests.Count);
        Assert.Empty(h.Scheduler.Requests);
    }

    [Theory]
    [InlineData("EntityNotFoundException")]
    [InlineData("AccessDeniedException")]
    [InlineData("InvalidInputException")]
    public async Task A_start_refused_for_good_fails_the_run_at_once_instead_of_stalling_it(string refusal)
    {
        using var h = new CoordinatorHarness(retryAttempts: 1);
        h.Store.AddPendingObjects(DatasetName, 2);
        h.Glue.StartOutcomes.Enqueue(StartOutcome.Failed(refusal switch
        {
            "EntityNotFoundException" => GlueFaults.NotFound(),
            "AccessDeniedException" => GlueFaults.AccessDenied(),
            _ => GlueFaults.InvalidInput(),
        }));
        var runId = await h.AdmitAsync();

        await h.StepAsync();

        var run = h.Run(runId);
        Assert.Equal(RunState.Failed, run.State);
        Assert.Equal("START_FAILED", run.GlueState);
        Assert.StartsWith(refusal, run.Error, StringComparison.Ordinal);
        Assert.Empty(h.Scheduler.Pending);
        Assert.Equal(2, h.Store.UnassignedObjects(DatasetName));
        var retry = Assert.Single(h.Scheduler.Requests);
        // The retry's trace links to the attempt it repeats.
        Assert.Equal(new ScheduledRequest(DatasetName, RunTrigger.Retry, h.Time.GetUtcNow() + h.Job.RetryBackoff, 2,
            RunTrace.TraceParent(RunTrace.ContextOf(runId))), retry);
    }

    private static Exception LostResponse(string kind) => kind switch
    {
        "InternalServiceException" => GlueFaults.Internal(),
        "OperationTimeoutException" => GlueFaults.OperationTimeout(),
        "TimeoutException" => new TimeoutException("Glue.StartJobRun did not answer within 00:01:00."),
        _ => new HttpRequestException("The response ended prematurely."),
    };
}
