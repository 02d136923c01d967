using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Jobs.Aws;
using Orchestrator.Jobs.Aws.Glue;
using Orchestrator.Jobs.Aws.Glue.Model;
using Orchestrator.Jobs.Runs;

namespace Orchestrator.Cli;

/// <summary><c>orchestrator bookmark show|reset &lt;job&gt; [--run-id ID]</c>: a Glue job's bookmark.</summary>
internal static class BookmarkCommand
{
    public static async Task<int> ShowAsync(string? configFile, string job, TextWriter output, TextWriter error)
    {
        using var host = await OperatorHost.BuildAsync(configFile, error);
        if (host is null)
        {
            return RunCommand.InvalidConfiguration;
        }

        try
        {
            var entry = (await host.Services.GetRequiredService<IAmazonGlue>().GetJobBookmarkAsync(new GetJobBookmarkRequest { JobName = job })).JobBookmarkEntry;
            await output.WriteLineAsync($"job {job}: run {entry?.Run}, attempt {entry?.Attempt}, run id {entry?.RunId}, previous run id {entry?.PreviousRunId}, version {entry?.Version}");
            await output.WriteLineAsync(entry?.JobBookmark ?? "(empty bookmark)");
            return 0;
        }
        catch (EntityNotFoundException)
        {
            await output.WriteLineAsync($"job {job} has no bookmark yet (it has not completed a run with bookmarks enabled).");
            return 0;
        }
        catch (AwsServiceException ex)
        {
            await error.WriteLineAsync($"orchestrator: {ex.ErrorCode}: {ex.Message}");
            return 2;
        }
    }

    /// <summary>Resets the bookmark, or rewinds it to just after <paramref name="runId"/>. Refused while a run of the job is active.</summary>
    public static async Task<int> ResetAsync(string? configFile, string job, string? runId, TextWriter output, TextWriter error)
    {
        using var host = await OperatorHost.BuildAsync(configFile, error);
        if (host is null)
        {
            return RunCommand.InvalidConfiguration;
        }

        var active = await host.Services.GetRequiredService<IRunStore>().ListActiveAsync(CancellationToken.None);
        if (active.FirstOrDefault(r => r.JobName == job) is { } run)
        {
            await error.WriteLineAsync($"orchestrator: run {run.RunId} of {job} is {run.State}; a bookmark must not change under a running job. Try again when it has ended.");
            return 2;
        }

        try
        {
            await host.Services.GetRequiredService<IAmazonGlue>().ResetJobBookmarkAsync(new ResetJobBookmarkRequest { JobName = job, RunId = runId });
            await output.WriteLineAsync(runId is null ? $"bookmark of {job} reset: the next run processes everything." : $"bookmark of {job} rewound to run {runId}.");
            return 0;
        }
        catch (AwsServiceException ex)
        {
            await error.WriteLineAsync($"orchestrator: {ex.ErrorCode}: {ex.Message}");
            return 2;
        }
    }
}
