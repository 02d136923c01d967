using Amazon.SQS;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestrator.Hosting;
using Orchestrator.Jobs.Ledger;

namespace Orchestrator.IntegrationTests.Infrastructure;

/// <summary>
/// The orchestrator's own host composition, in the test process, talking to the emulator. A test may wrap the ledger
/// (to slow it down or make it fail) — that seam is our own interface, the queue and the database stay real.
/// </summary>
internal sealed class InProcessWorker : IAsyncDisposable
{
    private readonly IHost host;

    private InProcessWorker(IHost host)
    {
        this.host = host;
    }

    public IServiceProvider Services => host.Services;

    public static async Task<InProcessWorker> StartAsync(
        IAmazonSQS sqs,
        IDictionary<string, string?> settings,
        Func<IObjectLedger, IObjectLedger>? wrapLedger = null,
        Action<HostApplicationBuilder>? configure = null)
    {
        var builder = OrchestratorHost.CreateBuilder(configFile: null);
        builder.Configuration.AddInMemoryCollection(settings);
        // Category rules beat appsettings.json's "Default": keep test output to warnings and errors.
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning).AddFilter("Quartz", LogLevel.Warning).AddFilter("Orchestrator", LogLevel.Warning);
        builder.Services.AddSingleton(sqs);
        builder.AddOrchestrator();
        if (wrapLedger is not null)
        {
            var registration = builder.Services.Last(d => d.ServiceType == typeof(IObjectLedger));
            builder.Services.Remove(registration);
            builder.Services.AddSingleton(sp => wrapLedger((IObjectLedger)registration.ImplementationFactory!(sp)));
        }

        configure?.Invoke(builder);
        var host = builder.Build();
        await host.StartAsync();
        return new InProcessWorker(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
