using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.Jobs.Runs;
using Orchestrator.Jobs.Storage;

namespace Orchestrator.IntegrationTests.Scheduling;

/// <summary>
/// Three worker processes on one PostgreSQL database with Quartz clustered: every fire time of a cron schedule starts exactly
/// one Glue run, starting the three at the same moment causes no extra fire, and when one is killed the others carry on.
/// </summary>
[Collection(GlueStackCollectionDefinition.Name)]
public sealed class ClusterTests(GlueStackFixture stack, PostgresServerFixture server) : IAsyncLifetime
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(4);
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
                settings["Orchestrator:Datasets:sales:Glue:Schedules:0:Name"] = "every4s";
                settings["Orchestrator:Datasets:sales:Glue:Schedules:0:Cron"] = "0/4 * * * * ?";
                workers.Add(WorkerProcess.Start(settings, sqs, environment)); // all three at once: reconciliation races
            }

            await Eventually.WaitForAsync(ScheduledRunsAsync, r => r.Count >= 10, TimeSpan.FromSeconds(90), "ten scheduled runs");
            var killedAt = DateTimeOffset.UtcNow;
            workers[0].KillHard();
            await Eventually.WaitForAsync(ScheduledRunsAsync, r => r.Count(x => x.RequestedAt > killedAt) >= 12, TimeSpan.FromSeconds(120),
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
            Assert.DoesNotContain(runs, r => r.Trigger != RunTrigger.Schedule); // no coalesced double fire became a follow-up
            var fireTimes = runs.Select(r => r.RequestedAt).ToList();
            Assert.Equal(fireTimes.Count, fireTimes.Distinct().Count()); // one run per fire time
            Assert.All(fireTimes, t => Assert.Equal(0, t.ToUnixTimeMilliseconds() % (long)Period.TotalMilliseconds));
            Assert.True(runs.Count >= 20, $"only {runs.Count} periods observed");
            var gaps = fireTimes.Zip(fireTimes.Skip(1), (a, b) => b - a).ToList();
            // A fire time can only go missing while the killed node's trigger waits for the check-in timeout (2 s + 3 s);
            // its misfire policy (fire once) then runs it late under its own fire time, so no period is lost at all.
            Assert.All(gaps, g => Assert.Equal(Period, g));
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
