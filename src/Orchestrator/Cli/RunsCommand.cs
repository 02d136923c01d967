using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Jobs.Runs;

namespace Orchestrator.Cli;

/// <summary><c>orchestrator runs [--dataset D] [--limit N]</c>: recent Glue runs, newest first.</summary>
internal static class RunsCommand
{
    public static async Task<int> RunAsync(string? configFile, string? dataset, int limit, TextWriter output, TextWriter error)
    {
        using var host = await OperatorHost.BuildAsync(configFile, error);
        if (host is null)
        {
            return RunCommand.InvalidConfiguration;
        }

        var runs = await host.Services.GetRequiredService<IRunStore>().ListAsync(dataset, limit, CancellationToken.None);
        await output.WriteLineAsync("requested (UTC)      dataset          job                  trigger   state      glue state  glue run id");
        foreach (var run in runs)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{run.RequestedAt:yyyy-MM-dd HH:mm:ss}  {run.Dataset,-16} {run.JobName,-20} {run.Trigger,-9} {run.State,-10} {run.GlueState,-11} {run.JobRunId}"));
            if (run.Error is not null)
            {
                await output.WriteLineAsync("    " + run.Error);
            }
        }

        return 0;
    }
}
