using System.Globalization;
using Orchestrator.Jobs.Runs;
using Quartz;

namespace Orchestrator.Jobs.GlueRuns;

/// <summary>Schedules run steps as one-shot Quartz triggers on the dataset's job.</summary>
public sealed class QuartzRunScheduler(ISchedulerFactory schedulers) : IRunScheduler
{
    /// <inheritdoc />
    public async Task RequestAsync(string dataset, RunTrigger trigger, DateTimeOffset at, int attempt, string? traceParents, CancellationToken cancellationToken)
    {
        var data = new JobDataMap
        {
            [RunKeys.Action] = RunKeys.Request,
            [RunKeys.Trigger] = trigger.ToString(),
            [RunKeys.Attempt] = attempt.ToString(CultureInfo.InvariantCulture),
        };
        if (traceParents is not null)
        {
            data[RunKeys.TraceParents] = traceParents;
        }

        await ScheduleAsync(dataset, $"{trigger}/{Guid.NewGuid():N}", at, data, cancellationToken);
    }

    /// <inheritdoc />
    public Task AdvanceAsync(string dataset, Guid runId, DateTimeOffset at, TimeSpan pollInterval, CancellationToken cancellationToken) =>
        ScheduleAsync(dataset, $"advance/{runId:N}/{Guid.NewGuid():N}", at, new JobDataMap
        {
            [RunKeys.Action] = RunKeys.Advance,
            [RunKeys.RunId] = runId.ToString("D"),
            [RunKeys.PollMillis] = ((long)pollInterval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
        }, cancellationToken);

    private async Task ScheduleAsync(string dataset, string name, DateTimeOffset at, JobDataMap data, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var trigger = TriggerBuilder.Create()
            .WithIdentity(name, RunKeys.StepGroup)
            .ForJob(RunKeys.Job(dataset))
            .UsingJobData(data)
            .StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(trigger, default(ScheduleJobOptions), cancellationToken);
    }
}
