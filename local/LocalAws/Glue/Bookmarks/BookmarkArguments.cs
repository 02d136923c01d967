using LocalAws.Glue.Jobs;

namespace LocalAws.Glue.Bookmarks;

/// <summary>
/// The bookmark special parameters of a run: <c>--job-bookmark-option</c> and, for pause, <c>--job-bookmark-from</c> and
/// <c>--job-bookmark-to</c> (run ids). See "Job parameters used by AWS Glue" in the Glue developer guide.
/// </summary>
internal sealed record BookmarkArguments(BookmarkOption Option, string? FromRunId, string? ToRunId)
{
    public static BookmarkArguments From(IReadOnlyDictionary<string, string> arguments)
    {
        var option = arguments.GetValueOrDefault("--job-bookmark-option") switch
        {
            null or "job-bookmark-disable" => BookmarkOption.Disable,
            "job-bookmark-enable" => BookmarkOption.Enable,
            "job-bookmark-pause" => BookmarkOption.Pause,
            var other => throw new JobFailedException(
                $"Invalid value for --job-bookmark-option: {other}. Expected job-bookmark-enable, job-bookmark-disable or job-bookmark-pause"),
        };
        var from = arguments.GetValueOrDefault("--job-bookmark-from");
        var to = arguments.GetValueOrDefault("--job-bookmark-to");
        if (option != BookmarkOption.Pause && (from is not null || to is not null))
        {
            throw new JobFailedException("--job-bookmark-from and --job-bookmark-to are only valid with job-bookmark-pause");
        }

        return new BookmarkArguments(option, from, to);
    }
}
