using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Orchestrator.Jobs.Aws.Glue.Model;
using Orchestrator.Jobs.Catalog;
using Orchestrator.Jobs.Runs;
using Orchestrator.Jobs.Tracing;

namespace Orchestrator.Jobs.GlueRuns;

/// <summary>
/// What happens when a run ends. Only SUCCEEDED is success. Success: the objects the run took become Processed, the output
/// table's new partitions are registered, chained datasets' jobs are requested. Failure (FAILED, ERROR, STOPPED, TIMEOUT,
/// EXPIRED, or a start that failed for good): the objects go back to the next run and the retry policy applies. Either way a
/// follow-up run starts if requests arrived meanwhile, and the run becomes a span from Glue's StartedOn to CompletedOn.
/// </summary>
public sealed class GlueRunFinisher(
    DatasetJobs jobs,
    IRunStore store,
    IRunScheduler scheduler,
    OutputPartitionScanner outputs,
    PartitionRegistrar partitions,
    GlueRunPricing pricing,
    TimeProvider time,
    ILogger<GlueRunFinisher> logger)
{
    private static readonly HashSet<string> Terminal = new(StringComparer.Ordinal) { "SUCCEEDED", "FAILED", "ERROR", "STOPPED", "TIMEOUT", "EXPIRED" };

    /// <summary>True for Glue's terminal states. WAITING, STARTING, RUNNING and STOPPING are not terminal.</summary>
    public static bool IsTerminal(string state) => Terminal.Contains(state);

    /// <summary>Ends a run from Glue's terminal JobRun.</summary>
    public async Task FinishAsync(DatasetJob job, GlueRun run, JobRun jobRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(jobRun);
        string state = jobRun.JobRunState!.Value;
        bool succeeded = state == "SUCCEEDED";
        var completedAt = GlueRunCoordinator.ToOffset(jobRun.CompletedOn) ?? time.GetUtcNow();
        double? dpuSeconds = jobRun.DPUSeconds ?? (jobRun.ExecutionTime is { } seconds && jobRun.MaxCapacity is { } capacity ? seconds * capacity : null);
        var stored = await store.CompleteAsync(run.RunId, succeeded ? RunState.Succeeded : RunState.Failed, state,
            jobRun.ErrorMessage, completedAt, dpuSeconds, cancellationToken);
        if (stored is null)
        {
            return; // another task finished it
        }

        var startedAt = GlueRunCoordinator.ToOffset(jobRun.StartedOn) ?? stored.StartedAt ?? stored.RequestedAt;
        RecordMetrics(stored, state, startedAt, completedAt, dpuSeconds);
        string self = RunTrace.TraceParent(RunTrace.ContextOf(stored.RunId));
        int registered = 0;
        if (succeeded)
        {
            int processed = await store.MarkObjectsProcessedAsync(run.RunId, cancellationToken);
            registered = await RegisterOutputAsync(job, run, startedAt, cancellationToken);
            Log.Succeeded(logger, run.RunId, job.JobName, stored.JobRunId ?? "?", completedAt - startedAt, processed, registered);
            foreach (string next in job.Then)
            {
                // The chained run was caused by this one: it links to this run's span.
                await scheduler.RequestAsync(next, RunTrigger.Chained, time.GetUtcNow(), 1, self, cancellationToken);
            }
        }
        else
        {
            Log.Failed(logger, run.RunId, job.JobName, stored.JobRunId, state, jobRun.ErrorMessage);
            await AfterFailureAsync(job, stored, cancellationToken);
        }

        await FollowUpAsync(stored, cancellationToken);
        RecordSpan(stored, state, startedAt, completedAt, dpuSeconds, jobRun.ErrorMessage);
    }

    /// <summary>Ends a run that never got a terminal state from Glue (a start that failed for good, a configuration problem).</summary>
    public async Task FailAsync(GlueRun run, string? jobRunId, string state, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var now = time.GetUtcNow();
        var stored = await store.CompleteAsync(run.RunId, RunState.Failed, state, error, now, null, cancellationToken);
        if (stored is null)
        {
            return;
        }

        var startedAt = stored.StartedAt ?? stored.RequestedAt;
        RecordMetrics(stored, state, startedAt, now, null);
        Log.Failed(logger, run.RunId, run.JobName, jobRunId, state, error);
        if (jobs.Find(run.Dataset) is { } job)
        {
            await AfterFailureAsync(job, stored, cancellationToken);
        }

        await FollowUpAsync(stored, cancellationToken);
        RecordSpan(stored, state, startedAt, now, null, error);
    }

    private async Task AfterFailureAsync(DatasetJob job, GlueRun run, CancellationToken cancellationToken)
    {
        await store.ReleaseObjectsAsync(run.RunId, cancellationToken);
        if (run.Attempt <= job.RetryAttempts)
        {
            var delay = job.RetryBackoff * Math.Pow(2, run.Attempt - 1);
            Log.RetryScheduled(logger, run.RunId, run.Attempt + 1, job.JobName, delay);
            // The retry serves the same causes, and follows this attempt.
            string? causes = RunTrace.Append(run.TraceParents, RunTrace.ContextOf(run.RunId));
            await scheduler.RequestAsync(job.Name, RunTrigger.Retry, time.GetUtcNow() + delay, run.Attempt + 1, causes, cancellationToken);
        }
    }

    private async Task FollowUpAsync(GlueRun run, CancellationToken cancellationToken)
    {
        if (run.FollowUpRequested)
        {
            // Requests that arrived during this run were coalesced into it (their batches' contexts were added to the run's
            // list as follow-up causes, see IRunStore.AdmitAsync); the follow-up links to those and to this run.
            string? causes = RunTrace.Append(run.FollowUpTraceParents, RunTrace.ContextOf(run.RunId));
            await scheduler.RequestAsync(run.Dataset, RunTrigger.FollowUp, time.GetUtcNow(), 1, causes, cancellationToken);
        }
    }

    private async Task<int> RegisterOutputAsync(DatasetJob job, GlueRun run, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        if (job.OutputTable is null)
        {
            return 0;
        }

        try
        {
            var written = await outputs.FindAsync(job.OutputTable, startedAt, cancellationToken);
            return await partitions.RegisterAsync(job.OutputTable, job.Name, "output", written, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.OutputPartitionsFailed(logger, run.RunId, job.OutputTable.ToString(), ex);
            return 0;
        }
    }

    private void RecordMetrics(GlueRun run, string state, DateTimeOffset startedAt, DateTimeOffset completedAt, double? dpuSeconds)
    {
        var job = new KeyValuePair<string, object?>("job", run.JobName);
        GlueRunTelemetry.Finished.Add(1, job, new("state", state));
        GlueRunTelemetry.Duration.Record(Math.Max(0, (completedAt - startedAt).TotalSeconds), job, new("state", state));
        if (dpuSeconds is { } dpu)
        {
            var dataset = new KeyValuePair<string, object?>("dataset", run.Dataset);
            GlueRunTelemetry.DpuSeconds.Add(dpu, job, dataset);
            GlueRunTelemetry.Cost.Add(pricing.Cost(dpu), job, dataset);
        }
    }

    /// <summary>
    /// The run span: the root of the run's trace, from the request to now (its steps, partition registrations and the
    /// follow-up requests included), with the run's derived context so the steps recorded earlier are its children; Glue's
    /// own StartedOn/CompletedOn are attributes. Links to what caused it (<see cref="GlueRun.TraceParents"/>).
    /// </summary>
    private void RecordSpan(GlueRun run, string state, DateTimeOffset startedAt, DateTimeOffset completedAt, double? dpuSeconds, string? error)
    {
        var end = time.GetUtcNow();
        RunSpan.Record(GlueRunTelemetry.Source, "orchestrator.glue.run", RunTrace.ContextOf(run.RunId), RunTrace.Links(run.TraceParents),
            run.RequestedAt, end < completedAt ? completedAt : end, activity =>
            {
                activity.SetTag("orchestrator.dataset", run.Dataset);
                activity.SetTag("orchestrator.glue.job", run.JobName);
                activity.SetTag("orchestrator.glue.run_id", run.JobRunId);
                activity.SetTag("orchestrator.run_id", run.RunId.ToString("D"));
                activity.SetTag("orchestrator.glue.attempt", run.Attempt);
                activity.SetTag("orchestrator.glue.trigger", run.Trigger.ToString());
                activity.SetTag("orchestrator.glue.bookmark_option", run.BookmarkOption);
                activity.SetTag("orchestrator.glue.state", state);
                activity.SetTag("orchestrator.glue.started_on", startedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                activity.SetTag("orchestrator.glue.completed_on", completedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                activity.SetTag("orchestrator.glue.dpu_seconds", dpuSeconds);
                if (dpuSeconds is { } dpu)
                {
                    activity.SetTag("orchestrator.glue.cost_usd", pricing.Cost(dpu));
                }

                if (state != "SUCCEEDED")
                {
                    activity.SetStatus(ActivityStatusCode.Error, error);
                    activity.SetTag("error.type", state);
                }
            });
    }
}
