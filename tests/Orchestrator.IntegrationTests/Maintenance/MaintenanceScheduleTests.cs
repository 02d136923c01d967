using Microsoft.Extensions.DependencyInjection;
using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.IntegrationTests.Scheduling;
using Orchestrator.Jobs.Maintenance;
using Quartz;

namespace Orchestrator.IntegrationTests.Maintenance;

/// <summary>Maintenance cron triggers reconciled from configuration in the real Quartz store, and shown by <c>schedules</c>.</summary>
[Collection(GlueStackCollectionDefinition.Name)]
public sealed class MaintenanceScheduleTests(GlueStackFixture stack, PostgresServerFixture server) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("maintenance-schedules-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")] // Quartz clustered
    public async Task Triggers_are_added_kept_on_an_unchanged_restart_replaced_when_changed_removed_when_gone_and_listed_by_schedules(string provider)
    {
        var lake = await stack.CreateLakeAsync();
        var (queue, _) = await stack.Emulator.CreateQueueWithDlqAsync();
        string store = provider == "Sqlite" ? $"Data Source={Path.Combine(directory, "orchestrator.db")}" : await server.CreateDatabaseAsync();
        var settings = GlueSettings.For(lake, queue, provider, store, Path.Combine(directory, "alive"));
        settings["Orchestrator:Datasets:sales:Maintenance:0:Name"] = "daily-check";
        settings["Orchestrator:Datasets:sales:Maintenance:0:Cron"] = "0 30 4 * * ?";
        settings["Orchestrator:Datasets:sales:Maintenance:0:TimeZone"] = "Europe/Berlin";
        settings["Orchestrator:Datasets:sales:Maintenance:0:Kind"] = "Check";
        settings["Orchestrator:Datasets:sales:Maintenance:0:Sql"] = "SELECT count(*) FROM {table}";
        settings["Orchestrator:Datasets:sales:Maintenance:0:Expect"] = "> 0";

        var added = await TriggerAsync(settings);
        var restarted = await TriggerAsync(settings);
        var (code, listing) = await WorkerProcess.RunToEndAsync(settings, stack.Emulator.ServiceUrl.ToString(), GlueSettings.Environment(stack), "schedules");
        var (_, status) = await WorkerProcess.RunToEndAsync(settings, stack.Emulator.ServiceUrl.ToString(), GlueSettings.Environment(stack), "status");
        settings["Orchestrator:Datasets:sales:Maintenance:0:Cron"] = "0 45 4 * * ?";
        var changed = await TriggerAsync(settings);
        foreach (var key in settings.Keys.Where(k => k.Contains(":Maintenance:", StringComparison.Ordinal)).ToList())
        {
            settings.Remove(key);
        }

        var removed = await TriggerAsync(settings);

        Assert.Equal("0 30 4 * * ?", added.Trigger!.CronExpressionString);
        Assert.Equal("Europe/Berlin", added.Trigger.TimeZone.Id);
        Assert.True(added.JobExists);
        Assert.Equal(added.Trigger.StartTimeUtc, restarted.Trigger!.StartTimeUtc); // not rewritten
        Assert.Equal(added.Trigger.NextFireTimeUtc, restarted.Trigger.NextFireTimeUtc);
        Assert.Equal(0, code);
        Assert.Contains(listing.Split('\n'), l => l.StartsWith("maintenance", StringComparison.Ordinal) && l.Contains("sales/daily-check", StringComparison.Ordinal)
                                                  && l.Contains("0 30 4 * * ? (Europe/Berlin)", StringComparison.Ordinal));
        Assert.Contains(status.Split('\n'), l => l.TrimStart().StartsWith("maintenance", StringComparison.Ordinal) && l.Contains("sales/daily-check", StringComparison.Ordinal)
                                                 && l.Contains("next ", StringComparison.Ordinal));
        Assert.Equal("0 45 4 * * ?", changed.Trigger!.CronExpressionString);
        Assert.Null(removed.Trigger);
        Assert.False(removed.JobExists);
        if (provider != "Sqlite")
        {
            await server.DropDatabaseAsync(store);
        }
    }

    private async Task<(ICronTrigger? Trigger, bool JobExists)> TriggerAsync(Dictionary<string, string?> settings)
    {
        await using var worker = await InProcessWorker.StartAsync(stack.Emulator.Sqs, settings, configure: stack.UseLocalAws);
        var scheduler = await worker.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        return ((ICronTrigger?)await scheduler.GetTrigger(MaintenanceKeys.Cron("sales", "daily-check")),
            await scheduler.Exists(MaintenanceKeys.Job("sales", "daily-check")));
    }
}
