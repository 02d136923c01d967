using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.Jobs.Runs;
using Orchestrator.Jobs.Storage;

namespace Orchestrator.IntegrationTests.Scheduling;

/// <summary>
/// Three worker processes on one PostgreSQL database with Quartz clustered: every fire time of a cron schedule starts exactly
/// one Glue run, starting the three at the same moment causes no extra fire, and when one is killed the others carry on.
/// </summary>
[Collection(ClusterCollectionDefinition.Name)]
public sealed class ClusterTests(GlueStackFixture stack, PostgresServerFixture server) : IAsyncLifetime
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(5);
    private readonly string directory = Directory.CreateTempSubdirectory("orchestrator-cluster-").FullName;
    private string connectionString = "";

    public async Task InitializeAsync() => connectionString = await server.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        await server.DropDatabaseAsync(connectionString);
        Directory.Delete(directory, recursive: true);
    }

    private async Task<List<GlueRun>> ScheduledRunsAsync()
    {
        await using var store = RunStoreFactory.Create(StoreProvider.PostgreSql, connectionString, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        return [.. await store.ListAsync("sales", 1000, CancellationToken.None)];
    }

    [Fact]
    public async Task Three_workers_start_exactly_one_run_per_fire_time_and_survive_a_killed_worker()
    {
        var lake = await stack.CreateLakeAsync(runSeconds: 0.3);
        var (queue, _) = await stack.Emulator.CreateQueueWithDlqAsync();
        var environment = GlueSettings.Environment(stack);
        string sqs = stack.Emulator.ServiceUrl.ToString();
        var workers = new List<WorkerProcess>();
        try
        {
            for (int i = 0; i < 3; i++)
            {
                var settings = GlueSettings.For(lake, queue, "PostgreSql", connectionString, Path.Combine(directory, $"alive-{i}"));
                settings["Orchestrator:Datasets:sales:Glue:Schedules:0:Name"] = "every5s";
                settings["Orchestrator:Datasets:sales:Glue:Schedules:0:Cron"] = "0/5 * * * * ?";
                settings["Orchestrator:Scheduling:CheckinMisfireThreshold"] = "00:00:05";
                workers.Add(WorkerProcess.Start(settings, sqs, environment)); // all three at once: reconciliation races
            }

            await Eventually.WaitForAsync(ScheduledRunsAsync, r => r.Count >= 10, TimeSpan.FromSeconds(120), "ten scheduled runs");
            var killedAt = DateTimeOffset.UtcNow;
            workers[0].KillHard();
            await Eventually.WaitForAsync(ScheduledRunsAsync, r => r.Count(x => x.RequestedAt > killedAt) >= 12, TimeSpan.FromSeconds(150),
                "twelve more scheduled runs after a worker was killed");
            foreach (var worker in workers.Skip(1))
            {
                worker.Terminate();
            }

            foreach (var worker in workers.Skip(1))
            {
                Assert.Equal(0, await worker.WaitForExitAsync(TimeSpan.FromSeconds(40)));
            }

            var runs = (await ScheduledRunsAsync()).OrderBy(r => r.RequestedAt).ToList();
            var scheduled = runs.Where(r => r.Trigger == RunTrigger.Schedule).ToList();
            var fireTimes = scheduled.Select(r => r.RequestedAt).ToList();
            Assert.Equal(fireTimes.Count, fireTimes.Distinct().Count()); // never two runs for one fire time: no double fire
            Assert.All(fireTimes, t => Assert.Equal(0, t.ToUnixTimeMilliseconds() % (long)Period.TotalMilliseconds));
            int slots = (int)((fireTimes[^1] - fireTimes[0]) / Period) + 1;
            Assert.True(slots >= 20, $"only {slots} periods observed");
            // Every fire time either started its own run or — when the previous run was still active on a loaded machine —
            // was coalesced into that run's single follow-up (bookmarked jobs never run twice at once). Never more runs
            // than fire times, and a fire time lost to the killed node is recovered by its misfire policy (fire once).
            Assert.All(runs, r => Assert.Contains(r.Trigger, new[] { RunTrigger.Schedule, RunTrigger.FollowUp }));
            Assert.True(runs.Count <= slots + 1, $"{runs.Count} runs for {slots} fire times"); // +1: a coalesced fire after the last one counted
            Assert.True(scheduled.Count >= slots * 3 / 4, $"{scheduled.Count} of {slots} fire times started their own run");
            Assert.All(runs.Where(r => !r.IsActive), r => Assert.Equal(RunState.Succeeded, r.State));
            Assert.Equal(runs.Count, (await stack.JobRunsAsync(lake.Job)).Count); // one Glue start per run, never two
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.DisposeAsync();
            }
        }
    }
}
