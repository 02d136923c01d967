using System.Globalization;
using Orchestrator.Jobs.Runs;
using Quartz;

namespace Orchestrator.Jobs.GlueRuns;

/// <summary>
/// The Quartz job behind every dataset (<c>glue/&lt;dataset&gt;</c>): its triggers either request a run or advance one.
/// DisallowConcurrentExecution serializes a dataset's steps across the whole cluster; the job requests recovery, so a step
/// interrupted by a crash is fired again (every step is idempotent).
/// </summary>
[DisallowConcurrentExecution]
public sealed class GlueRunJob(GlueRunCoordinator coordinator) : IJob
{
    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.MergedJobDataMap;
        string dataset = context.JobDetail.Key.Name;
        if (data.GetString(RunKeys.Action) == RunKeys.Advance)
        {
            var runId = Guid.Parse(data.GetString(RunKeys.RunId)!);
            var poll = TimeSpan.FromMilliseconds(long.Parse(data.GetString(RunKeys.PollMillis) ?? "10000", CultureInfo.InvariantCulture));
            await coordinator.AdvanceAsync(runId, poll, cancellationToken);
            return;
        }

        var trigger = Enum.TryParse<RunTrigger>(data.GetString(RunKeys.Trigger), out var parsed) ? parsed : RunTrigger.Schedule;
        int attempt = int.TryParse(data.GetString(RunKeys.Attempt), NumberStyles.Integer, CultureInfo.InvariantCulture, out int a) ? a : 1;
        await coordinator.RequestAsync(dataset, trigger, attempt, data.GetString(RunKeys.TraceParents), context.ScheduledFireTimeUtc, cancellationToken);
    }
}
