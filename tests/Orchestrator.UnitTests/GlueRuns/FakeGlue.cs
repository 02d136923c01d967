using System.Globalization;
using System.Net;
using Orchestrator.Jobs.Aws.Glue;
using Orchestrator.Jobs.Aws.Glue.Model;
using Orchestrator.Jobs.GlueRuns;

namespace Orchestrator.UnitTests.GlueRuns;

/// <summary>
/// Glue's job-run API in memory: StartJobRun creates a run (or fails as scripted), GetJobRuns pages newest first, GetJobRun
/// reads one. Everything else the coordinator must not call here throws <see cref="NotSupportedException"/>.
/// </summary>
internal sealed class FakeGlue(TimeProvider time) : IAmazonGlue
{
    private readonly List<JobRun> runs = [];
    private int nextId;

    /// <summary>What the next StartJobRun calls do, in order; when empty, a call creates a run and returns its id.</summary>
    public Queue<StartOutcome> StartOutcomes { get; } = new();

    /// <summary>Errors thrown by the next GetJobRun calls, in order.</summary>
    public Queue<Exception> GetJobRunErrors { get; } = new();

    /// <summary>Every StartJobRun request received, including those that failed.</summary>
    public List<StartJobRunRequest> StartRequests { get; } = [];

    /// <summary>Every run Glue has, oldest first.</summary>
    public IReadOnlyList<JobRun> Runs => runs;

    /// <summary>The job's only run; fails the test when there is not exactly one.</summary>
    public JobRun SingleRun => Assert.Single(runs);

    /// <summary>A run of the job that was not started by the orchestrator (e.g. from the console), as GetJobRuns lists it.</summary>
    public JobRun AddForeignRun(string jobName, DateTimeOffset startedOn) => Add(jobName, [], startedOn);

    /// <summary>Moves a run to <paramref name="state"/>; a terminal state also sets CompletedOn and the error message.</summary>
    public void SetState(string jobRunId, JobRunState state, string? errorMessage = null)
    {
        var run = runs.Single(r => r.Id == jobRunId);
        run.JobRunState = state;
        run.LastModifiedOn = time.GetUtcNow().UtcDateTime;
        if (GlueRunFinisher.IsTerminal(state.Value))
        {
            run.CompletedOn = time.GetUtcNow().UtcDateTime;
            run.ErrorMessage = errorMessage;
            run.ExecutionTime = (int)(run.CompletedOn - run.StartedOn)!.Value.TotalSeconds;
        }
    }

    public Task<StartJobRunResponse> StartJobRunAsync(StartJobRunRequest request, CancellationToken cancellationToken = default)
    {
        StartRequests.Add(request);
        var outcome = StartOutcomes.TryDequeue(out var next) ? next : StartOutcome.Start;
        JobRun? created = outcome.CreatesRun ? Add(request.JobName!, request.Arguments ?? [], time.GetUtcNow()) : null;
        if (outcome.Error is { } error)
        {
            throw error;
        }

        return Task.FromResult(new StartJobRunResponse { JobRunId = created!.Id });
    }

    public Task<GetJobRunResponse> GetJobRunAsync(GetJobRunRequest request, CancellationToken cancellationToken = default)
    {
        if (GetJobRunErrors.TryDequeue(out var error))
        {
            throw error;
        }

        var run = runs.SingleOrDefault(r => r.JobName == request.JobName && r.Id == request.RunId)
            ?? throw new EntityNotFoundException(
                $"Job run {request.RunId} not found", "EntityNotFoundException", null, HttpStatusCode.BadRequest);
        return Task.FromResult(new GetJobRunResponse { JobRun = run });
    }

    public Task<GetJobRunsResponse> GetJobRunsAsync(GetJobRunsRequest request, CancellationToken cancellationToken = default)
    {
        int from = request.NextToken is null ? 0 : int.Parse(request.NextToken, CultureInfo.InvariantCulture);
        int size = request.MaxResults ?? 100;
        var newestFirst = runs.Where(r => r.JobName == request.JobName).Reverse().ToList();
        var page = newestFirst.Skip(from).Take(size).ToList();
        string? token = from + size < newestFirst.Count ? (from + size).ToString(CultureInfo.InvariantCulture) : null;
        return Task.FromResult(new GetJobRunsResponse { JobRuns = page, NextToken = token });
    }

    public Task<GetJobResponse> GetJobAsync(GetJobRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(nameof(GetJobAsync));

    public Task<BatchStopJobRunResponse> BatchStopJobRunAsync(BatchStopJobRunRequest request,
        CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(nameof(BatchStopJobRunAsync));

    public Task<GetJobBookmarkResponse> GetJobBookmarkAsync(GetJobBookmarkRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(nameof(GetJobBookmarkAsync));

    public Task<ResetJobBookmarkResponse> ResetJobBookmarkAsync(ResetJobBookmarkRequest request,
        CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(nameof(ResetJobBookmarkAsync));

    public Task<GetDatabaseResponse> GetDatabaseAsync(GetDatabaseRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(nameof(GetDatabaseAsync));

    public Task<GetTableResponse> GetTableAsync(GetTableRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(nameof(GetTableAsync));

    public Task<GetTableOptimizerResponse> GetTableOptimizerAsync(GetTableOptimizerRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(nameof(GetTableOptimizerAsync));

    public Task<GetPartitionsResponse> GetPartitionsAsync(GetPartitionsRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(nameof(GetPartitionsAsync));

    public Task<BatchGetPartitionResponse> BatchGetPartitionAsync(BatchGetPartitionRequest request,
        CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(nameof(BatchGetPartitionAsync));

    public Task<BatchCreatePartitionResponse> BatchCreatePartitionAsync(BatchCreatePartitionRequest request,
        CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(nameof(BatchCreatePartitionAsync));

    public Task<StartCrawlerResponse> StartCrawlerAsync(StartCrawlerRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(nameof(StartCrawlerAsync));

    public Task<GetCrawlerResponse> GetCrawlerAsync(GetCrawlerRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(nameof(GetCrawlerAsync));

    public void Dispose()
    {
    }

    private JobRun Add(string jobName, Dictionary<string, string> arguments, DateTimeOffset startedOn)
    {
        var run = new JobRun
        {
            Id = $"jr_{++nextId:D4}",
            JobName = jobName,
            Arguments = new Dictionary<string, string>(arguments, StringComparer.Ordinal),
            JobRunState = JobRunState.STARTING,
            StartedOn = startedOn.UtcDateTime,
            LastModifiedOn = startedOn.UtcDateTime,
            MaxCapacity = 2,
        };
        runs.Add(run);
        return run;
    }
}
