using Orchestrator.Hosting;

namespace Orchestrator.Cli;

/// <summary><c>orchestrator config validate</c>: prints the resolved configuration (secrets redacted) and every error; exit 0 or 1.</summary>
internal static class ConfigValidateCommand
{
    public static async Task<int> RunAsync(string? configFile, TextWriter output, TextWriter error)
    {
        var (options, errors) = ConfigurationReport.Evaluate(OrchestratorHost.CreateBuilder(configFile).Configuration);
        await output.WriteLineAsync(ConfigurationReport.Render(options));
        if (errors.Count > 0)
        {
            await ConfigurationReport.WriteErrorsAsync(errors, error);
            return RunCommand.InvalidConfiguration;
        }

        await output.WriteLineAsync("orchestrator: the configuration is valid.");
        return 0;
    }
}
