namespace Orchestrator.Jobs.Runs;

/// <summary>What asked for a run. All kinds go through the same start and track path.</summary>
public enum RunTrigger
{
    /// <summary>New objects, after the dataset's debounce window.</summary>
    Event,

    /// <summary>A cron schedule from configuration.</summary>
    Schedule,

    /// <summary><c>orchestrator trigger &lt;dataset&gt;</c>.</summary>
    Manual,

    /// <summary>Requests that arrived while a run was active, coalesced into one run after it.</summary>
    FollowUp,

    /// <summary>Configured to run after another dataset's job succeeded.</summary>
    Chained,

    /// <summary>A retry of a failed run under the dataset's retry policy.</summary>
    Retry,
}
