using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestrator.Hosting;
using Orchestrator.Jobs.Runs;

namespace Orchestrator.Cli;

/// <summary>
/// The worker's own composition, built but never started, for operator commands: they use the same store, the same
/// Quartz tables and the same AWS clients as the running tasks, and nothing else runs in this process.
/// </summary>
internal static class OperatorHost
{
    public static async Task<IHost?> BuildAsync(string? configFile, TextWriter error)
    {
        var builder = OrchestratorHost.CreateBuilder(configFile);
        var (_, errors) = ConfigurationReport.Evaluate(builder.Configuration);
        if (errors.Count > 0)
        {
            await ConfigurationReport.WriteErrorsAsync(errors, error);
            return null;
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var host = builder.AddOrchestrator().Build();
        await host.Services.GetRequiredService<IRunStore>().InitializeAsync(CancellationToken.None);
        return host;
    }
}
