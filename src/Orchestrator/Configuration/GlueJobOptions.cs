namespace Orchestrator.Configuration;

/// <summary>The dataset's Glue job and when it runs. Absent (no <see cref="Job"/>) means the dataset is only recorded.</summary>
public sealed class GlueJobOptions
{
    /// <summary>The Glue job name.</summary>
    public string Job { get; set; } = "";

    /// <summary><c>enable</c> (default), <c>disable</c> or <c>pause</c>; sent as <c>--job-bookmark-option job-bookmark-…</c>.</summary>
    public string Bookmark { get; set; } = "enable";

    /// <summary>With <c>pause</c>: <c>--job-bookmark-from</c>, a Glue run id (optional).</summary>
    public string? BookmarkFrom { get; set; }

    /// <summary>With <c>pause</c>: <c>--job-bookmark-to</c>, a Glue run id (required by Glue when pausing with a window).</summary>
    public string? BookmarkTo { get; set; }

    /// <summary>Job arguments (<c>--name</c> → value) added to every run of this dataset.</summary>
    public Dictionary<string, string> Arguments { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Quiet time after the last new object before an event-driven run starts.</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Longest wait from the first new object to the run, so a steady trickle still runs.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Pending objects that start a run at once, without waiting for the debounce window.</summary>
    public int MaxBatch { get; set; } = 100_000;

    /// <summary>Cron schedules (Quartz syntax, e.g. <c>0 0 3 * * ?</c>) that also start this job.</summary>
    public List<ScheduleOptions> Schedules { get; set; } = [];

    /// <summary>Retries of a failed run (FAILED, ERROR, TIMEOUT …): 0 means none.</summary>
    public int RetryAttempts { get; set; }

    /// <summary>Wait before a retry; doubles with each attempt.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long StartJobRun may keep failing with ConcurrentRunsExceeded or throttling before the run fails.</summary>
    public TimeSpan StartWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>First interval between GetJobRun polls; it doubles up to <see cref="MaxPollInterval"/>.</summary>
    public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest interval between GetJobRun polls.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Whether ObjectRemoved events also request a run (default: no — removals are recorded in the ledger and nothing else,
    /// since most jobs only read new data).
    /// </summary>
    public bool RunOnRemovals { get; set; }

    /// <summary>Datasets whose jobs run after this one succeeds.</summary>
    public List<string> Then { get; set; } = [];
}
