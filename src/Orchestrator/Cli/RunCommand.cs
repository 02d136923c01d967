using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orchestrator.Hosting;

namespace Orchestrator.Cli;

/// <summary><c>orchestrator run</c> (the default): validate the configuration, then run until SIGTERM.</summary>
internal static class RunCommand
{
    /// <summary>Exit code for an invalid configuration.</summary>
    public const int InvalidConfiguration = 1;

    /// <summary>Exit code when start-up failed (store unreachable, AWS client could not be built, …).</summary>
    public const int StartupFailed = 4;

    public static async Task<int> RunAsync(string? configFile, TextWriter error)
    {
        // Validate before the host is even built (building it already reads options): a bad configuration never reaches AWS.
        var builder = OrchestratorHost.CreateBuilder(configFile);
        var (_, errors) = ConfigurationReport.Evaluate(builder.Configuration);
        if (errors.Count > 0)
        {
            await ConfigurationReport.WriteErrorsAsync(errors, error);
            return InvalidConfiguration;
        }

        using var host = builder.AddOrchestrator().Build();
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();

        try
        {
            await host.RunAsync();
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // SIGTERM while the services were still starting (ECS scaling in a task that has just started): a stop as asked,
            // not a failed start. Nothing was received yet, so nothing is left to drain.
            return Environment.ExitCode;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await error.WriteLineAsync($"orchestrator: start-up failed: {ex.GetType().Name}: {ex.Message}");
            return StartupFailed;
        }

        return Environment.ExitCode;
    }
}
