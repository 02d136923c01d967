using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Testing;
using Orchestrator.Cli;
using Orchestrator.IntegrationTests.Scheduling;
using Orchestrator.Jobs.Aws;
using Orchestrator.Jobs.Maintenance;
using Orchestrator.Jobs.Queries;
using Orchestrator.Scheduling;

namespace Orchestrator.IntegrationTests.Maintenance;

/// <summary>
/// The real maintenance machinery against the local Glue/Athena emulator: our Glue and Athena clients, the one
/// AthenaQueryRunner, the MaintenanceRunner, tasks built from configuration through the real binder and validator.
/// </summary>
internal sealed class MaintenanceStack : IDisposable
{
    private readonly GlueStackFixture stack;
    private readonly HttpClient admin;

    public MaintenanceStack(GlueStackFixture stack, int maxConcurrentDdl = 5)
    {
        this.stack = stack;
        admin = new HttpClient { BaseAddress = stack.GlueUrl };
        var aws = new AwsClientOptions
        {
            GlueEndpoint = stack.GlueUrl,
            AthenaEndpoint = stack.GlueUrl,
            Region = "us-east-1",
            Credentials = new BasicAWSCredentials("test", "test"),
        };
        Glue = AwsClientFactory.CreateGlueClient(aws);
        var athenaClient = AwsClientFactory.CreateAthenaClient(aws);
        Athena = new AthenaQueryRunner(athenaClient, new AthenaQueryOptions
        {
            MaxConcurrentDdl = maxConcurrentDdl,
            MinPollInterval = TimeSpan.FromMilliseconds(50),
            MaxPollInterval = TimeSpan.FromMilliseconds(200),
            QueryTimeout = TimeSpan.FromMinutes(2),
        }, TimeProvider.System, new FakeLogger<AthenaQueryRunner>(Logs));
        Runner = new MaintenanceRunner(Athena, Glue, new FakeLogger<MaintenanceRunner>(Logs));
    }

    public FakeLogCollector Logs { get; } = new();

    public Orchestrator.Jobs.Aws.Glue.IAmazonGlue Glue { get; }

    public AthenaQueryRunner Athena { get; }

    public MaintenanceRunner Runner { get; }

    /// <summary>Tasks of dataset <paramref name="dataset"/> from configuration keys under <c>Maintenance:&lt;i&gt;:</c>; fails on any error.</summary>
    public static MaintenanceTasks Tasks(string dataset, Lake lake, string table, IReadOnlyDictionary<string, string> maintenance)
    {
        var values = new Dictionary<string, string?>
        {
            ["Orchestrator:Queue:Url"] = "https://sqs.us-east-1.amazonaws.com/000000000000/unused",
            [$"Orchestrator:Datasets:{dataset}:Source:Bucket"] = GlueStackFixture.Bucket,
            [$"Orchestrator:Datasets:{dataset}:OutputTable:Database"] = lake.Database,
            [$"Orchestrator:Datasets:{dataset}:OutputTable:Table"] = table,
        };
        foreach (var (key, value) in maintenance)
        {
            values[$"Orchestrator:Datasets:{dataset}:Maintenance:{key}"] = value;
        }

        var (options, errors) = ConfigurationReport.Evaluate(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        Assert.Empty(errors);
        return MaintenanceTaskDefinitions.Build(options, []);
    }

    /// <summary>What the emulator saw: every query with its token, state and SQL as submitted; peak running queries and DDL.</summary>
    public async Task<(int PeakRunning, int PeakRunningDdl, List<(string Token, string State, string Query)> Queries)> AthenaSeenAsync()
    {
        var body = (await admin.GetFromJsonAsync<JsonObject>("/__admin/athena"))!;
        var queries = ((JsonArray)body["queries"]!).Select(q => ((string?)q!["token"] ?? "", (string)q["state"]!, (string)q["query"]!)).ToList();
        return ((int)body["peakRunning"]!, (int)body["peakRunningDdl"]!, queries);
    }

    /// <summary>Keeps queries whose SQL contains <paramref name="match"/> RUNNING for <paramref name="seconds"/> first.</summary>
    public async Task HoldAsync(string match, double seconds) =>
        (await admin.PostAsJsonAsync("/__admin/athena/holds", new { match, seconds })).EnsureSuccessStatusCode();

    /// <summary>Adds a fault rule (<c>/__admin/faults</c>).</summary>
    public async Task FaultAsync(object rule) => (await admin.PostAsJsonAsync("/__admin/faults", rule)).EnsureSuccessStatusCode();

    /// <summary>Removes every fault rule.</summary>
    public async Task ClearFaultsAsync() => (await admin.DeleteAsync("/__admin/faults")).EnsureSuccessStatusCode();

    /// <summary>Removes holds and resets the peaks.</summary>
    public async Task ResetAthenaAsync() => (await admin.DeleteAsync("/__admin/athena")).EnsureSuccessStatusCode();

    /// <summary>Runs SQL through the emulator to success (DDL or SELECT) and returns the data rows.</summary>
    public Task<List<string?[]>> SqlAsync(string sql, Lake lake) => stack.SelectAsync(sql, lake.Database);

    /// <summary>A lake whose raw CSV table has partition year=2024/month=1 with three rows (ids 1–3) registered.</summary>
    public async Task<Lake> LakeAsync()
    {
        var lake = await stack.CreateLakeAsync();
        await stack.UploadAsync(lake, 2024, 1, "a.csv", [(1, "alice", 10), (2, "bob", 20)]);
        await stack.UploadAsync(lake, 2024, 1, "b.csv", [(3, "carol", 7.25)]);
        await SqlAsync($"ALTER TABLE raw_sales ADD PARTITION (year = 2024, month = 1) LOCATION 's3://{GlueStackFixture.Bucket}/{lake.RawPrefix}year=2024/month=01/'", lake);
        return lake;
    }

    public void Dispose()
    {
        admin.Dispose();
        Athena.Dispose();
        Glue.Dispose();
    }
}
