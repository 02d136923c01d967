using System.CommandLine;

namespace Orchestrator.Cli;

/// <summary>The command line: <c>run</c> (default), <c>config validate</c>, <c>healthcheck</c>.</summary>
internal static class OrchestratorCli
{
    public static RootCommand Build()
    {
        var configFile = new Option<string?>("--config")
        {
            Description = "An extra JSON configuration file, applied after appsettings.json and before environment variables.",
            Recursive = true,
        };

        var run = new Command("run", "Consume the queue and run the work until SIGTERM (the default).");
        run.SetAction((parse, _) => RunCommand.RunAsync(parse.GetValue(configFile), Console.Error));

        var validate = new Command("validate", "Print the resolved configuration (secrets redacted) and every error; exit 0 if valid, 1 if not.");
        validate.SetAction((parse, _) => ConfigValidateCommand.RunAsync(parse.GetValue(configFile), Console.Out, Console.Error));
        var config = new Command("config", "Configuration tools.") { validate };

        var healthcheck = new Command("healthcheck", "Exit 0 if the poll loop made progress within Health:MaxSilence (for the ECS container health check).");
        healthcheck.SetAction((parse, _) => HealthcheckCommand.RunAsync(parse.GetValue(configFile), Console.Out, TimeProvider.System));

        var root = new RootCommand("Orchestrator: S3 event notifications from SQS into the Glue catalog, Glue job runs and Athena maintenance.")
        {
            configFile, run, config, healthcheck,
        };
        root.SetAction((parse, _) => RunCommand.RunAsync(parse.GetValue(configFile), Console.Error));
        return root;
    }
}
