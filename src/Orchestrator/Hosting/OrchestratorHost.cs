using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Orchestrator.Configuration;
using Orchestrator.Ingestion;
using Orchestrator.Scheduling;
using Orchestrator.Telemetry;

namespace Orchestrator.Hosting;

/// <summary>Composes the worker: configuration sources, then each capability in the order it must start.</summary>
internal static class OrchestratorHost
{
    /// <summary>
    /// Configuration in order of precedence (last wins): appsettings.json, appsettings.{Environment}.json, the file given
    /// with <c>--config</c>, environment variables (<c>Orchestrator__Queue__Url</c>, as ECS passes them).
    /// </summary>
    public static HostApplicationBuilder CreateBuilder(string? configFile)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        if (configFile is not null)
        {
            // Re-add environment variables after the file so that they still override it.
            builder.Configuration.AddJsonFile(Path.GetFullPath(configFile), optional: false, reloadOnChange: false);
            builder.Configuration.AddEnvironmentVariables();
        }

        return builder;
    }

    /// <summary>Everything the <c>run</c> command needs.</summary>
    public static HostApplicationBuilder AddOrchestrator(this HostApplicationBuilder builder)
    {
        builder.AddOrchestratorOptions();
        builder.AddOrchestratorTelemetry();
        builder.AddLedger();
        builder.AddScheduling();
        builder.AddIngestion();
        return builder;
    }
}
