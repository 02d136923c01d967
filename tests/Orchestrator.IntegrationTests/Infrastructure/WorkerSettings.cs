namespace Orchestrator.IntegrationTests.Infrastructure;

/// <summary>The configuration a test worker runs with, as the <c>Orchestrator:…</c> keys a real deployment would set.</summary>
internal static class WorkerSettings
{
    public static Dictionary<string, string?> For(string queueUrl, string storeProvider, string connectionString, string livenessFile) => new()
    {
        ["Orchestrator:Queue:Url"] = queueUrl,
        ["Orchestrator:Queue:WaitTime"] = "00:00:01",
        ["Orchestrator:Store:Provider"] = storeProvider,
        ["Orchestrator:Store:ConnectionString"] = connectionString,
        ["Orchestrator:Health:LivenessFile"] = livenessFile,
        ["Orchestrator:Datasets:sales:Source:Bucket"] = "data-lake",
        ["Orchestrator:Datasets:sales:Source:Prefix"] = "raw/sales/",
        ["Orchestrator:Datasets:sales:Source:Partitions:0"] = "year:int",
        ["Orchestrator:Datasets:sales:Source:Partitions:1"] = "month:int",
    };
}
