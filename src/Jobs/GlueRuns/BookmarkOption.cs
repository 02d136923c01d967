namespace Orchestrator.Jobs.GlueRuns;

/// <summary>
/// Glue job bookmark handling for a run, sent as <c>--job-bookmark-option</c>. Bookmarks track what a job has processed;
/// they do not support concurrent runs of one job, which is why the orchestrator never starts two at once.
/// https://docs.aws.amazon.com/glue/latest/dg/monitor-continuations.html
/// </summary>
public enum BookmarkOption
{
    /// <summary><c>job-bookmark-enable</c>: process only what the bookmark has not seen, then advance it.</summary>
    Enable,

    /// <summary><c>job-bookmark-disable</c>: process everything; the bookmark is untouched.</summary>
    Disable,

    /// <summary><c>job-bookmark-pause</c>: process the window between <c>--job-bookmark-from</c> and <c>-to</c>; no advance.</summary>
    Pause,
}
