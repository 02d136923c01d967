using Orchestrator.Jobs.Catalog;
using Orchestrator.Jobs.Datasets;

namespace Orchestrator.Jobs.GlueRuns;

/// <summary>Everything needed to run and track one dataset's Glue job, built from configuration.</summary>
public sealed record DatasetJob(
    Dataset Dataset,
    string JobName,
    BookmarkOption Bookmark,
    string? BookmarkFrom,
    string? BookmarkTo,
    IReadOnlyDictionary<string, string> Arguments,
    TableRef? RawTable,
    TableRef? OutputTable,
    TimeSpan MinPollInterval,
    TimeSpan MaxPollInterval,
    TimeSpan StartWindow,
    int RetryAttempts,
    TimeSpan RetryBackoff,
    IReadOnlyList<string> Then)
{
    /// <summary>The correlation argument: how a run is found in GetJobRuns when a start may or may not have reached Glue.</summary>
    public const string RunIdArgument = "--orchestrator-run-id";

    /// <summary>The dataset's name.</summary>
    public string Name => Dataset.Name;

    /// <summary>The value of <c>--job-bookmark-option</c>.</summary>
    public string BookmarkArgument => Bookmark switch
    {
        BookmarkOption.Disable => "job-bookmark-disable",
        BookmarkOption.Pause => "job-bookmark-pause",
        _ => "job-bookmark-enable",
    };

    /// <summary>The arguments of one run: configured ones, schedule overrides, bookmark options and the correlation id.</summary>
    public Dictionary<string, string> RunArguments(Guid runId, IReadOnlyDictionary<string, string>? overrides)
    {
        var arguments = new Dictionary<string, string>(Arguments, StringComparer.Ordinal);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            arguments[key] = value;
        }

        arguments["--job-bookmark-option"] = BookmarkArgument;
        if (Bookmark == BookmarkOption.Pause)
        {
            if (BookmarkFrom is not null)
            {
                arguments["--job-bookmark-from"] = BookmarkFrom;
            }

            if (BookmarkTo is not null)
            {
                arguments["--job-bookmark-to"] = BookmarkTo;
            }
        }

        arguments[RunIdArgument] = runId.ToString("D");
        return arguments;
    }
}
