using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orchestrator.Configuration;
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
        using var host = OrchestratorHost.CreateBuilder(configFile).AddOrchestrator().Build();
        try
        {
            // Validate before anything starts: a bad configuration must never reach AWS.
            _ = host.Services.GetRequiredService<IOptions<OrchestratorOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            await ConfigurationReport.WriteErrorsAsync(ex.Failures, error);
            return InvalidConfiguration;
        }

        try
        {
            await host.RunAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await error.WriteLineAsync($"orchestrator: start-up failed: {ex.GetType().Name}: {ex.Message}");
            return StartupFailed;
        }

        return Environment.ExitCode;
    }
}
