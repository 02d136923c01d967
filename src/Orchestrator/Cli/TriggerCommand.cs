using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Jobs.GlueRuns;
using Orchestrator.Jobs.Runs;
using Quartz;

namespace Orchestrator.Cli;

/// <summary>
/// <c>orchestrator trigger &lt;dataset&gt;</c>: asks for a run now, through the same path as events and schedules (a trigger in
/// the shared Quartz store, picked up by a running worker within seconds; coalesced if a run is active).
/// </summary>
internal static class TriggerCommand
{
    public static async Task<int> RunAsync(string? configFile, string dataset, TextWriter output, TextWriter error)
    {
        using var host = await OperatorHost.BuildAsync(configFile, error);
        if (host is null)
        {
            return RunCommand.InvalidConfiguration;
        }

        if (host.Services.GetRequiredService<DatasetJobs>().Find(dataset) is not { } job)
        {
            await error.WriteLineAsync($"orchestrator: dataset '{dataset}' has no Glue job in the configuration.");
            return 2;
        }

        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        if (await scheduler.GetJobDetail(RunKeys.Job(dataset)) is null)
        {
            await error.WriteLineAsync($"orchestrator: the scheduler store has no job for '{dataset}' yet: start a worker once so it reconciles the schedules.");
            return 2;
        }

        await host.Services.GetRequiredService<IRunScheduler>().RequestAsync(dataset, RunTrigger.Manual, DateTimeOffset.UtcNow, 1, null, CancellationToken.None);
        await output.WriteLineAsync($"requested a run of {job.JobName} for dataset {dataset}; a running worker starts it within seconds.");
        return 0;
    }
}
