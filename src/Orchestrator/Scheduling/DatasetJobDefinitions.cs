using Orchestrator.Configuration;
using Orchestrator.Jobs.Catalog;
using Orchestrator.Jobs.GlueRuns;

namespace Orchestrator.Scheduling;

/// <summary>Builds the Glue job definitions of the configured datasets (those with <c>Glue:Job</c> set).</summary>
internal static class DatasetJobDefinitions
{
    public static DatasetJobs Build(OrchestratorOptions options)
    {
        var datasets = DatasetDefinitions.Build(options.Datasets, []).ToDictionary(d => d.Name, StringComparer.Ordinal);
        var jobs = new List<DatasetJob>();
        foreach (var (name, dataset) in options.Datasets)
        {
            var glue = dataset.Glue;
            if (string.IsNullOrWhiteSpace(glue.Job))
            {
                continue;
            }

            jobs.Add(new DatasetJob(
                datasets[name],
                glue.Job,
                ParseBookmark(glue.Bookmark) ?? BookmarkOption.Enable,
                glue.BookmarkFrom,
                glue.BookmarkTo,
                glue.Arguments,
                Table(dataset.RawTable),
                Table(dataset.OutputTable),
                glue.MinPollInterval,
                glue.MaxPollInterval,
                glue.StartWindow,
                glue.RetryAttempts,
                glue.RetryBackoff,
                glue.Then));
        }

        return new DatasetJobs(jobs);
    }

    private static TableRef? Table(TableOptions table) => table.IsSet
        ? new TableRef(table.Database, table.Table,
            GlueOptionsValidation.ParseRegistration(table.Registration) ?? PartitionRegistration.GlueApi, table.Crawler)
        : null;

    public static BookmarkOption? ParseBookmark(string value) => value.Trim().ToLowerInvariant() switch
    {
        "enable" or "job-bookmark-enable" => BookmarkOption.Enable,
        "disable" or "job-bookmark-disable" => BookmarkOption.Disable,
        "pause" or "job-bookmark-pause" => BookmarkOption.Pause,
        _ => null,
    };
}
