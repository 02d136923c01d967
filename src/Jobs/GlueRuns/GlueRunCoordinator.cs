using System.Net;
using Microsoft.Extensions.Logging;
using Orchestrator.Jobs.Aws;
using Orchestrator.Jobs.Aws.Glue;
using Orchestrator.Jobs.Aws.Glue.Model;
using Orchestrator.Jobs.Catalog;
using Orchestrator.Jobs.Runs;
using Quartz;

namespace Orchestrator.Jobs.GlueRuns;

/// <summary>
/// The life of a Glue run as a sequence of small, idempotent steps, each one Quartz firing of the dataset's job:
/// <c>Requested</c> → register raw partitions, take the pending objects, mark Starting → StartJobRun → <c>Running</c>
/// (JobRunId persisted first) → poll GetJobRun with backoff → terminal: record the outcome, lineage, output partitions,
/// chained work, retry, follow-up. A step interrupted by a crash is simply run again: a run found in Starting is first looked
/// up in GetJobRuns by its correlation argument, so a start that reached Glue is never repeated.
/// </summary>
public sealed class GlueRunCoordinator(
    DatasetJobs jobs,
    IRunStore store,
    IAmazonGlue glue,
    IRunScheduler scheduler,
    PartitionRegistrar partitions,
    GlueRunFinisher finisher,
    TimeProvider time,
    ILogger<GlueRunCoordinator> logger)
{
    /// <summary>How many GetJobRuns pages the correlation lookup reads at most (newest first).</summary>
    private const int LookupPages = 10;

    /// <summary>
    /// Admits a run request, or joins it to the job's active run as a single follow-up. <paramref name="requestedAt"/> is the
    /// trigger's scheduled fire time when there is one, so a schedule's runs line up with its fire times even when a misfire
    /// (a node down) delays them.
    /// </summary>
    public async Task RequestAsync(string dataset, RunTrigger trigger, int attempt, string? traceParents, DateTimeOffset? requestedAt,
        CancellationToken cancellationToken)
    {
        if (jobs.Find(dataset) is not { } job)
        {
            Log.NoJob(logger, dataset);
            return;
        }

        var now = time.GetUtcNow();
        var run = new GlueRun(Guid.NewGuid(), dataset, job.JobName, trigger, RunState.Requested, attempt, job.BookmarkArgument,
            requestedAt ?? now, TraceParents: traceParents);
        var admission = await store.AdmitAsync(run, cancellationToken);
        GlueRunTelemetry.Requests.Add(1, new("job", job.JobName), new("trigger", trigger.ToString()),
            new("outcome", admission.Admitted ? "admitted" : "coalesced"));
        if (!admission.Admitted)
        {
            Log.Coalesced(logger, job.JobName, trigger.ToString(), admission.Run.RunId);
            return;
        }

        Log.Admitted(logger, run.RunId, job.JobName, trigger.ToString(), dataset);
        using (var step = GlueRunTelemetry.StartStep(run.RunId, dataset, "admit"))
        {
            step?.SetTag("orchestrator.glue.trigger", trigger.ToString());
        }

        await scheduler.AdvanceAsync(dataset, run.RunId, now, job.MinPollInterval, cancellationToken);
    }

    /// <summary>Moves an active run one step on; a finished or unknown run is left alone.</summary>
    public async Task AdvanceAsync(Guid runId, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        var run = await store.GetAsync(runId, cancellationToken);
        if (run is not { IsActive: true })
        {
            return;
        }

        if (jobs.Find(run.Dataset) is not { } job)
        {
            await finisher.FailAsync(run, null, "CONFIGURATION", $"dataset {run.Dataset} has no Glue job in the configuration any more", cancellationToken);
            return;
        }

        using var step = GlueRunTelemetry.StartStep(run.RunId, run.Dataset, StepName(run.State));
        try
        {
            await StepAsync(job, run, pollInterval, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && IsTransient(ex))
        {
            step?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.Message);
            step?.SetTag("error.type", ex.GetType().Name);
            var delay = Clamp(pollInterval, job);
            Log.StepFailed(logger, runId, ex.GetType().Name, ex.Message, delay);
            await scheduler.AdvanceAsync(job.Name, runId, time.GetUtcNow() + delay, pollInterval, CancellationToken.None);
        }
        catch (SchedulerException ex)
        {
            // The scheduler is shutting down or its store is unreachable, so the next step could not be stored. The run stays
            // active as it is; RunReattacher gives it a step again (at start-up and every minute), so nothing is lost.
            Log.StepNotScheduled(logger, runId, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not something waiting fixes (a missing table or job, access denied): end the run visibly instead of stalling.
            step?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.Message);
            step?.SetTag("error.type", ex.GetType().Name);
            var current = await store.GetAsync(runId, CancellationToken.None) ?? run;
            await finisher.FailAsync(current, current.JobRunId, "ERROR", $"{ex.GetType().Name}: {ex.Message}", CancellationToken.None);
        }
    }

    private async Task StepAsync(DatasetJob job, GlueRun run, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        switch (run.State)
        {
            case RunState.Requested:
                await PrepareAsync(job, run, cancellationToken);
                if (await store.MarkStartingAsync(run.RunId, cancellationToken))
                {
                    await StartAsync(job, run, cancellationToken);
                }

                break;
            case RunState.Starting:
                // We may have crashed after StartJobRun reached Glue: look before starting again.
                if (await FindByCorrelationAsync(job, run, cancellationToken) is { } existing)
                {
                    Log.Reattached(logger, run.RunId, existing.Id!);
                    await store.MarkRunningAsync(run.RunId, existing.Id!, ToOffset(existing.StartedOn), cancellationToken);
                    await scheduler.AdvanceAsync(job.Name, run.RunId, time.GetUtcNow() + job.MinPollInterval, job.MinPollInterval, cancellationToken);
                }
                else
                {
                    await StartAsync(job, run, cancellationToken);
                }

                break;
            case RunState.Running:
                await PollAsync(job, run, pollInterval, cancellationToken);
                break;
        }
    }

    private async Task PrepareAsync(DatasetJob job, GlueRun run, CancellationToken cancellationToken)
    {
        if (job.RawTable is not null)
        {
            var pending = await store.PendingPartitionsAsync(job.Name, cancellationToken);

            // The ledger's registered marks: a partition an earlier run registered costs no call, even after a restart.
            var registered = (await store.RegisteredPartitionsAsync(job.Name, pending, cancellationToken)).ToHashSet(StringComparer.Ordinal);
            var targets = pending.Where(p => !registered.Contains(p))
                .Select(p => new PartitionRegistrar.Target(PartitionPath.Values(p), PartitionPath.Folder(job.Dataset.Source, p))).ToList();
            await partitions.RegisterAsync(job.RawTable, job.Name, "raw", targets, cancellationToken);
            await store.MarkPartitionsRegisteredAsync(job.Name, pending, cancellationToken);
            Log.RawPartitions(logger, run.RunId, pending.Count, job.Name);
        }

        // With a raw table, only objects whose partition was just registered (or marked so earlier) are taken: one that
        // arrived after the pending partitions were read stays Pending for the next run, which registers its partition first.
        await store.ClaimObjectsAsync(run.RunId, job.Name, cancellationToken, registeredOnly: job.RawTable is not null);
    }

    private async Task StartAsync(DatasetJob job, GlueRun run, CancellationToken cancellationToken)
    {
        StartJobRunResponse response;
        try
        {
            response = await glue.StartJobRunAsync(new StartJobRunRequest
            {
                JobName = job.JobName,
                Arguments = job.RunArguments(run.RunId, overrides: null),
            }, cancellationToken);
        }
        catch (AwsServiceException ex) when (ex is ConcurrentRunsExceededException || ex.IsThrottling)
        {
            // Another run of the job (ours from before a failover, or someone else's) holds it: wait, within the window.
            await DeferStartAsync(job, run, ex.ErrorCode, mayHaveStarted: false, cancellationToken);
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException && IsUnknownOutcome(ex))
        {
            // The request may have reached Glue. The next step looks the run up by its correlation argument first.
            await DeferStartAsync(job, run, "unknown outcome: " + ex.GetType().Name, mayHaveStarted: true, cancellationToken);
            return;
        }
        catch (AwsServiceException ex)
        {
            await finisher.FailAsync(run, null, "START_FAILED", $"{ex.ErrorCode}: {ex.Message}", cancellationToken);
            return;
        }

        await store.MarkRunningAsync(run.RunId, response.JobRunId!, time.GetUtcNow(), cancellationToken);
        int objects = await store.CountObjectsAsync(job.Name, Ledger.ObjectState.Registered, run.RunId, cancellationToken)
                      + await store.CountObjectsAsync(job.Name, Ledger.ObjectState.Pending, run.RunId, cancellationToken);
        GlueRunTelemetry.Started.Add(1, new("job", job.JobName), new("trigger", run.Trigger.ToString()));
        GlueRunTelemetry.Wait.Record((time.GetUtcNow() - run.RequestedAt).TotalSeconds, new KeyValuePair<string, object?>("job", job.JobName));
        Log.Started(logger, run.RunId, job.JobName, response.JobRunId!, objects, job.BookmarkArgument);
        await scheduler.AdvanceAsync(job.Name, run.RunId, time.GetUtcNow() + job.MinPollInterval, job.MinPollInterval, cancellationToken);
    }

    private async Task DeferStartAsync(DatasetJob job, GlueRun run, string reason, bool mayHaveStarted, CancellationToken cancellationToken)
    {
        GlueRunTelemetry.StartRetries.Add(1, new("job", job.JobName), new("reason", reason.Split(':')[0]));

        // Only a start Glue refused can be given up. One that may have reached Glue is never failed here, even past the
        // window: Glue may be running it, so the next step looks it up first (and a refusal after that ends the run).
        if (!mayHaveStarted && time.GetUtcNow() - run.RequestedAt > job.StartWindow)
        {
            await finisher.FailAsync(run, null, "START_FAILED", $"StartJobRun kept failing for {job.StartWindow} ({reason})", cancellationToken);
            return;
        }

        var delay = job.MinPollInterval;
        Log.StartDeferred(logger, run.RunId, reason, delay);
        await scheduler.AdvanceAsync(job.Name, run.RunId, time.GetUtcNow() + delay, delay, cancellationToken);
    }

    private async Task PollAsync(DatasetJob job, GlueRun run, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        var jobRun = (await glue.GetJobRunAsync(new GetJobRunRequest { JobName = job.JobName, RunId = run.JobRunId }, cancellationToken)).JobRun
            ?? throw new InvalidOperationException($"GetJobRun returned no run for {run.JobRunId}.");
        string state = jobRun.JobRunState?.Value ?? "UNKNOWN";
        if (GlueRunFinisher.IsTerminal(state))
        {
            await finisher.FinishAsync(job, run, jobRun, cancellationToken);
            return;
        }

        if (state != run.GlueState)
        {
            await store.UpdateGlueStateAsync(run.RunId, state, cancellationToken);
        }

        var next = Clamp(pollInterval * 2, job);
        await scheduler.AdvanceAsync(job.Name, run.RunId, time.GetUtcNow() + pollInterval, next, cancellationToken);
    }

    private async Task<JobRun?> FindByCorrelationAsync(DatasetJob job, GlueRun run, CancellationToken cancellationToken)
    {
        string id = run.RunId.ToString("D");
        string? token = null;
        for (int page = 0; page < LookupPages; page++)
        {
            var response = await glue.GetJobRunsAsync(new GetJobRunsRequest { JobName = job.JobName, NextToken = token, MaxResults = 50 }, cancellationToken);
            foreach (var candidate in response.JobRuns ?? [])
            {
                if (candidate.Arguments?.GetValueOrDefault(DatasetJob.RunIdArgument) == id)
                {
                    return candidate;
                }

                if (candidate.StartedOn is { } started && ToOffset(started) < run.RequestedAt.AddMinutes(-5))
                {
                    return null; // newest first: everything further is older than our request
                }
            }

            token = response.NextToken;
            if (token is null)
            {
                break;
            }
        }

        return null;
    }

    /// <summary>What a step of a run in this state does: prepare and start, look a start up (after a crash), or poll.</summary>
    private static string StepName(RunState state) => state switch
    {
        RunState.Requested => "start",
        RunState.Starting => "reattach",
        _ => "poll",
    };

    private static TimeSpan Clamp(TimeSpan interval, DatasetJob job) =>
        interval < job.MinPollInterval ? job.MinPollInterval : interval > job.MaxPollInterval ? job.MaxPollInterval : interval;

    private static bool IsUnknownOutcome(Exception ex) => ex switch
    {
        AwsServiceException service => service.StatusCode >= HttpStatusCode.InternalServerError || service.ErrorCode == "OperationTimeoutException",
        HttpRequestException or IOException or TimeoutException or TaskCanceledException => true,
        _ => false,
    };

    private static bool IsTransient(Exception ex) => ex switch
    {
        AwsServiceException service => service.IsRetryable || service.IsThrottling,
        HttpRequestException or IOException or TimeoutException or TaskCanceledException => true,
        System.Data.Common.DbException => true,
        _ => false,
    };

    internal static DateTimeOffset? ToOffset(DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, v.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : v.Kind)).ToUniversalTime() : null;
}
