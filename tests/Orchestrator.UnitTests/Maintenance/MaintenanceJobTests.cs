using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Jobs.Maintenance;
using Quartz;
using Quartz.Extensibility;
using Quartz.Impl;

namespace Orchestrator.UnitTests.Maintenance;

public sealed class MaintenanceJobTests
{
    private static readonly DateTimeOffset Original = new(2024, 3, 1, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_normal_run_uses_its_scheduled_fire_time() =>
        Assert.Equal(Original, MaintenanceJob.ScheduledFireTime(Context(recovering: false, Original, []))); // fired 2 s late

    [Theory]
    [InlineData(true)] // as Quartz's job store writes it: Convert.ToString(DateTimeOffset, InvariantCulture)
    [InlineData(false)] // epoch milliseconds
    public void A_recovered_run_uses_the_original_triggers_scheduled_fire_time_not_the_recovery_triggers(bool quartzFormat)
    {
        var recoveredAt = Original.AddMinutes(7);
        string original = quartzFormat
            ? Convert.ToString(Original, CultureInfo.InvariantCulture)!
            : Original.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

        var context = Context(recovering: true, recoveredAt, new JobDataMap { [SchedulerConstants.FailedJobOriginalTriggerScheduledFireTime] = original });

        Assert.Equal(recoveredAt, context.ScheduledFireTimeUtc);
        Assert.Equal(Original, MaintenanceJob.ScheduledFireTime(context));
    }

    private static JobExecutionContextImpl Context(bool recovering, DateTimeOffset scheduled, JobDataMap data)
    {
        var job = new MaintenanceJob(new MaintenanceTasks([]), null!, NullLogger<MaintenanceJob>.Instance);
        var trigger = TriggerBuilder.Create().WithIdentity("t").ForJob("j").UsingJobData(data).StartAt(scheduled).Build();
        var bundle = new TriggerFiredBundle
        {
            JobDetail = JobBuilder.Create<MaintenanceJob>().WithIdentity("j").Build(),
            Trigger = (IOperableTrigger)trigger,
            Recovering = recovering,
            FireTimeUtc = scheduled.AddSeconds(2),
            ScheduledFireTimeUtc = scheduled,
            PreviousFireTimeUtc = null,
            NextFireTimeUtc = null,
        };
        return new JobExecutionContextImpl(null!, bundle, job, null!);
    }
}
