using System.Text.Json.Nodes;
using LocalAws.Glue.Jobs;
using LocalAws.Wire;

namespace LocalAws.Glue.Bookmarks;

/// <summary>
/// Job bookmarks with Glue's semantics for the three options:
/// enable reads what no earlier run processed and advances on success; pause reads the same (or the from/to window)
/// and never advances; disable reads everything and leaves the bookmark alone.
/// </summary>
internal sealed class JobBookmarkStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, JobBookmarkState> _states = new(StringComparer.Ordinal);

    public JsonObject GetEntry(string jobName)
    {
        lock (_gate)
        {
            return State(jobName).ToEntry();
        }
    }

    /// <summary>Without a run id: forget everything. With one: rewind to just after that run.</summary>
    public JsonObject Reset(string jobName, string? runId)
    {
        lock (_gate)
        {
            var state = State(jobName);
            if (runId is null)
            {
                state.Checkpoints.Clear();
                state.Run = 0;
                state.RunId = null;
                state.PreviousRunId = null;
            }
            else
            {
                var index = state.Checkpoints.FindIndex(c => c.RunId == runId);
                if (index < 0)
                {
                    throw GlueErrors.EntityNotFound($"Run {runId} not found in the bookmark of job {jobName}");
                }

                state.Checkpoints.RemoveRange(index + 1, state.Checkpoints.Count - index - 1);
                state.Run = state.Checkpoints.Count;
                state.RunId = runId;
                state.PreviousRunId = index > 0 ? state.Checkpoints[index - 1].RunId : null;
            }

            state.Version++;
            return state.ToEntry();
        }
    }

    public BookmarkSelection Select(string jobName, BookmarkArguments bookmark)
    {
        if (bookmark.Option == BookmarkOption.Disable)
        {
            return BookmarkSelection.Everything;
        }

        lock (_gate)
        {
            var state = _states.GetValueOrDefault(jobName) ?? new JobBookmarkState(jobName);
            if (bookmark.Option == BookmarkOption.Pause && (bookmark.FromRunId is not null || bookmark.ToRunId is not null))
            {
                var upTo = Seen(state, bookmark.ToRunId, "--job-bookmark-to");
                var before = bookmark.FromRunId is null ? [] : Seen(state, bookmark.FromRunId, "--job-bookmark-from");
                upTo.ExceptWith(before);
                return new BookmarkSelection(null, upTo);
            }

            return new BookmarkSelection(state.SeenUpTo(null), null);
        }
    }

    /// <summary>Records a successful job-bookmark-enable run.</summary>
    public void Advance(string jobName, string runId, int attempt, IEnumerable<string> processedObjects)
    {
        lock (_gate)
        {
            if (!_states.TryGetValue(jobName, out var state))
            {
                state = new JobBookmarkState(jobName);
                _states[jobName] = state;
            }

            state.Checkpoints.Add(new BookmarkCheckpoint(runId, processedObjects.ToHashSet(StringComparer.Ordinal)));
            state.PreviousRunId = state.RunId;
            state.RunId = runId;
            state.Attempt = attempt;
            state.Run++;
            state.Version++;
        }
    }

    private static HashSet<string> Seen(JobBookmarkState state, string? runId, string argument) =>
        state.SeenUpTo(runId)
        ?? throw new JobFailedException($"{argument} {runId}: no successful bookmarked run with this id for job {state.JobName}");

    private JobBookmarkState State(string jobName) =>
        _states.GetValueOrDefault(jobName) ?? throw GlueErrors.EntityNotFound($"Continuation for job {jobName} not found");
}
