using System.Globalization;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orchestrator.Configuration;
using Orchestrator.Jobs.GlueRuns;
using Orchestrator.Jobs.Ledger;
using Orchestrator.Jobs.Maintenance;
using Orchestrator.Jobs.Runs;
using Quartz;

namespace Orchestrator.Cli;

/// <summary>
/// <c>orchestrator status [--json]</c>: per dataset the ledger objects by state, the active and last finished run and the next
/// fire times of its triggers; the queue and DLQ depths. Exit 0, or 2 when the queue cannot be read.
/// </summary>
internal static class StatusCommand
{
    public const int QueueUnreachable = 2;

    public static async Task<int> RunAsync(string? configFile, bool json, TextWriter output, TextWriter error)
    {
        using var host = await OperatorHost.BuildAsync(configFile, error);
        if (host is null)
        {
            return RunCommand.InvalidConfiguration;
        }

        var services = host.Services;
        var options = services.GetRequiredService<IOptions<OrchestratorOptions>>().Value;
        var now = DateTimeOffset.UtcNow;

        IReadOnlyList<ScheduledTrigger> triggers = [];
        string? schedulerError = null;
        try
        {
            var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            triggers = await ScheduledTrigger.ListAsync(scheduler, CancellationToken.None);
        }
        catch (SchedulerException ex)
        {
            schedulerError = ex.Message;
        }

        var datasets = new List<DatasetStatus>();
        var store = services.GetRequiredService<IRunStore>();
        var jobs = services.GetRequiredService<DatasetJobs>();
        var active = await store.ListActiveAsync(CancellationToken.None);
        foreach (string name in options.Datasets.Keys.Order(StringComparer.Ordinal))
        {
            var counts = new ObjectCounts(
                await store.CountObjectsAsync(name, ObjectState.Pending, null, CancellationToken.None),
                await store.CountObjectsAsync(name, ObjectState.Registered, null, CancellationToken.None),
                await store.CountObjectsAsync(name, ObjectState.Processed, null, CancellationToken.None),
                await store.CountObjectsAsync(name, ObjectState.Rejected, null, CancellationToken.None));
            var current = active.FirstOrDefault(r => r.Dataset == name);
            // At most one run per job is active, so the newest few always hold the last finished one if there is one.
            var finished = (await store.ListAsync(name, 5, CancellationToken.None)).FirstOrDefault(r => !r.IsActive);
            string job = RunKeys.Job(name).ToString();
            datasets.Add(new DatasetStatus(name, jobs.Find(name)?.JobName, counts,
                current is null ? null : RunSummary.From(current, now),
                finished is null ? null : RunSummary.From(finished, now),
                [.. triggers.Where(t => t.Job == job || t.Job.StartsWith($"{MaintenanceKeys.JobGroup}.{name}/", StringComparison.Ordinal))]));
        }

        QueueDepth? queue = null, dlq = null;
        string? queueError = null;
        try
        {
            var sqs = services.GetRequiredService<IAmazonSQS>();
            queue = await DepthAsync(sqs, options.Queue.Url);
            if (await DeadLetterQueue.FindUrlAsync(sqs, options.Queue.Url, CancellationToken.None) is { } dlqUrl)
            {
                dlq = await DepthAsync(sqs, dlqUrl);
            }
        }
        catch (AmazonServiceException ex)
        {
            queueError = $"{ex.ErrorCode}: {ex.Message}";
        }
        catch (AmazonClientException ex)
        {
            queueError = ex.Message;
        }

        var report = new StatusReport(now, queue, dlq, queueError, schedulerError, datasets);
        if (json)
        {
            await CliJson.WriteAsync(output, report);
        }
        else
        {
            await WriteTableAsync(report, output);
        }

        if (queueError is not null)
        {
            await error.WriteLineAsync($"orchestrator: the queue {options.Queue.Url} cannot be read: {queueError}");
            return QueueUnreachable;
        }

        return 0;
    }

    private static async Task<QueueDepth> DepthAsync(IAmazonSQS sqs, string url)
    {
        var attributes = await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest
        {
            QueueUrl = url,
            AttributeNames = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
        });
        return new QueueDepth(url, attributes.ApproximateNumberOfMessages, attributes.ApproximateNumberOfMessagesNotVisible);
    }

    private static async Task WriteTableAsync(StatusReport report, TextWriter output)
    {
        static string Depth(QueueDepth? q) => q is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{q.Visible} visible, {q.NotVisible} in flight");
        await output.WriteLineAsync($"queue       {Depth(report.Queue)}   {report.Queue?.Url}");
        await output.WriteLineAsync(report.DeadLetterQueue is null && report.Queue is not null
            ? "dlq         (no redrive policy)"
            : $"dlq         {Depth(report.DeadLetterQueue)}   {report.DeadLetterQueue?.Url}");
        if (report.SchedulerError is not null)
        {
            await output.WriteLineAsync("scheduler   cannot read the Quartz store: " + report.SchedulerError);
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync("dataset          glue job              pending  registered  processed  rejected");
        foreach (var d in report.Datasets)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{d.Name,-16} {d.GlueJob ?? "-",-20} {d.Objects.Pending,8} {d.Objects.Registered,11} {d.Objects.Processed,10} {d.Objects.Rejected,9}"));
            await WriteRunAsync("active run", d.ActiveRun, output);
            await WriteRunAsync("last run  ", d.LastFinishedRun, output);
            foreach (var t in d.Triggers)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"    {t.Kind,-13} {t.Name,-30} next {t.NextFireTime?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "-"}"));
            }
        }
    }

    private static Task WriteRunAsync(string label, RunSummary? run, TextWriter output) =>
        output.WriteLineAsync(run is null
            ? $"    {label}  -"
            : string.Create(CultureInfo.InvariantCulture,
                $"    {label}  {run.State} (glue {run.GlueState ?? "-"}) {run.Trigger}, requested {run.RequestedAt:yyyy-MM-dd HH:mm:ss}, {run.Duration?.TotalSeconds:F0} s{(run.Error is null ? "" : ": " + run.Error)}"));
}
