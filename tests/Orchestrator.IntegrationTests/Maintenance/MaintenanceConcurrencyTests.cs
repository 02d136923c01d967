using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.IntegrationTests.Scheduling;
using Orchestrator.Jobs.Maintenance;

namespace Orchestrator.IntegrationTests.Maintenance;

/// <summary>The client-side DDL cap under a burst, and a worker SIGKILLed mid-query reattaching to it after a restart.</summary>
[Collection(GlueStackCollectionDefinition.Name)]
public sealed class MaintenanceConcurrencyTests(GlueStackFixture stack, PostgresServerFixture server) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("maintenance-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Twelve_ddl_statements_at_once_with_the_cap_at_three_never_run_more_than_three_at_once_in_athena()
    {
        using var m = new MaintenanceStack(stack, maxConcurrentDdl: 3);
        var lake = await m.LakeAsync();
        string dataset = "m" + Guid.NewGuid().ToString("N")[..8];
        var task = MaintenanceStack.Tasks(dataset, lake, "raw_sales", new Dictionary<string, string>
        {
            ["0:Name"] = "repair",
            ["0:Cron"] = "0 * * * * ?",
            ["0:Kind"] = "Msck",
        }).All.Single();
        await m.ResetAthenaAsync();
        await m.HoldAsync($"MSCK REPAIR TABLE {lake.Database}.raw_sales", 0.5); // each stays RUNNING long enough to overlap
        var fireTimes = Enumerable.Range(0, 12).Select(i => new DateTimeOffset(2024, 2, 1, 4, i, 0, TimeSpan.Zero)).ToList();

        var outcomes = await Task.WhenAll(fireTimes.Select(t => m.Runner.RunAsync(task, t, CancellationToken.None)));

        Assert.All(outcomes, o => Assert.Equal("succeeded", o.Outcome));
        var (_, peakDdl, queries) = await m.AthenaSeenAsync();
        Assert.Equal(3, peakDdl); // the cap was reached and never exceeded
        Assert.Equal(12, queries.Count(q => fireTimes.Any(t => q.Token == MaintenanceTokens.For(dataset, "repair", t))));
        Assert.Equal(0, m.Athena.DdlInFlight);
        await m.ResetAthenaAsync();
    }

    [Theory]
    [InlineData("Sqlite")] // recovered when the scheduler starts again
    [InlineData("PostgreSql")] // clustered: recovered once the dead instance misses its check-ins
    public async Task A_worker_killed_mid_query_reattaches_after_a_restart_and_athena_runs_the_query_once(string provider)
    {
        using var m = new MaintenanceStack(stack);
        var lake = await m.LakeAsync();
        var (queue, _) = await stack.Emulator.CreateQueueWithDlqAsync();
        string marker = "marker_" + Guid.NewGuid().ToString("N")[..10];
        // One fire time, far enough ahead for the worker to start on a loaded machine.
        var fire = DateTimeOffset.UtcNow.AddSeconds(20);
        fire = new DateTimeOffset(fire.Year, fire.Month, fire.Day, fire.Hour, fire.Minute, fire.Second, TimeSpan.Zero);
        string store = provider == "Sqlite" ? $"Data Source={Path.Combine(directory, "orchestrator.db")}" : await server.CreateDatabaseAsync();
        var settings = GlueSettings.For(lake, queue, provider, store, Path.Combine(directory, "alive"));
        settings["Orchestrator:Athena:MinPollInterval"] = "00:00:00.2";
        settings["Orchestrator:Athena:MaxPollInterval"] = "00:00:01";
        settings["Orchestrator:Datasets:sales:Maintenance:0:Name"] = "slow-check";
        settings["Orchestrator:Datasets:sales:Maintenance:0:Cron"] = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{fire.Second} {fire.Minute} {fire.Hour} {fire.Day} {fire.Month} ? {fire.Year}");
        settings["Orchestrator:Datasets:sales:Maintenance:0:Kind"] = "Check";
        settings["Orchestrator:Datasets:sales:Maintenance:0:Table:Database"] = lake.Database;
        settings["Orchestrator:Datasets:sales:Maintenance:0:Table:Table"] = "raw_sales";
        settings["Orchestrator:Datasets:sales:Maintenance:0:Sql"] = $"SELECT count(*) AS {marker} FROM {{table}} WHERE year = {{y}}";
        settings["Orchestrator:Datasets:sales:Maintenance:0:Parameters:y"] = "2024";
        settings["Orchestrator:Datasets:sales:Maintenance:0:Expect"] = "> 0";
        await m.HoldAsync(marker, 25);
        var environment = GlueSettings.Environment(stack);
        string sqs = stack.Emulator.ServiceUrl.ToString();
        string token = MaintenanceTokens.For("sales", "slow-check", fire);

        async Task<List<(string Token, string State, string Query)>> Mine() => [.. (await m.AthenaSeenAsync()).Queries.Where(q => q.Query.Contains(marker, StringComparison.Ordinal))];

        await using (var first = WorkerProcess.Start(settings, sqs, environment))
        {
            var running = await Eventually.WaitForAsync(Mine, q => q.Any(x => x.State == "RUNNING"), TimeSpan.FromSeconds(90), "the check query running");
            first.KillHard(); // SIGKILL while Athena runs the query
            await first.WaitForExitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(token, running.Single().Token);
        }

        Assert.Equal("RUNNING", (await Mine()).Single().State);
        await using (var second = WorkerProcess.Start(settings, sqs, environment))
        {
            await Eventually.WaitForAsync(() => Task.FromResult(second.Output),
                o => o.Contains("Maintenance sales/slow-check (check) succeeded", StringComparison.Ordinal), TimeSpan.FromSeconds(90),
                "the restarted worker finishing the check");
            Assert.Contains("Maintenance task sales/slow-check recovered after a crash", second.Output, StringComparison.Ordinal);
            second.Terminate();
            await second.WaitForExitAsync(TimeSpan.FromSeconds(60));
        }

        var queries = await Mine();
        var query = Assert.Single(queries); // one query for the fire time, not two
        Assert.Equal(token, query.Token);
        Assert.Equal("SUCCEEDED", query.State);
        await m.ResetAthenaAsync();
        if (provider != "Sqlite")
        {
            await server.DropDatabaseAsync(store);
        }
    }
}
