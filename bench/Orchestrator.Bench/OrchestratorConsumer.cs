using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestrator.Hosting;

namespace Orchestrator.Bench;

/// <summary>
/// Orchestrator's real ingestion (the same host composition as <c>orchestrator run</c>, default settings) with the SQLite
/// ledger; done when it has deleted every message, i.e. when every object is durable in the ledger.
/// </summary>
internal static class OrchestratorConsumer
{
    public static async Task<double> RunAsync(string queueUrl, int expected, string databasePath)
    {
        var builder = OrchestratorHost.CreateBuilder(configFile: null);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orchestrator:Queue:Url"] = queueUrl,
            ["Orchestrator:Store:ConnectionString"] = $"Data Source={databasePath}",
            ["Orchestrator:Health:LivenessFile"] = databasePath + ".alive",
            ["Orchestrator:Datasets:sales:Source:Bucket"] = "data-lake",
            ["Orchestrator:Datasets:sales:Source:Prefix"] = "raw/sales/",
            ["Orchestrator:Datasets:sales:Source:Partitions:0"] = "year:int",
            ["Orchestrator:Datasets:sales:Source:Partitions:1"] = "month:int",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        using var host = builder.AddOrchestrator().Build();

        long deleted = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "orchestrator.messages.deleted")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) =>
        {
            if (Interlocked.Add(ref deleted, value) >= expected)
            {
                done.TrySetResult();
            }
        });
        listener.Start();

        var stopwatch = Stopwatch.StartNew();
        await host.StartAsync();
        double peakRss = 0;
        while (!done.Task.IsCompleted)
        {
            await Task.WhenAny(done.Task, Task.Delay(200));
            peakRss = Math.Max(peakRss, Environment.WorkingSet / 1024.0 / 1024.0);
        }

        stopwatch.Stop();
        Elapsed = stopwatch.Elapsed;
        await host.StopAsync();
        return peakRss;
    }

    public static TimeSpan Elapsed { get; private set; }
}
