using System.Globalization;
using LocalAws.Background;
using LocalAws.Glue.Bookmarks;

namespace LocalAws.Glue.Jobs;

/// <summary>
/// Plays a run through Glue's states: STARTING → RUNNING → SUCCEEDED, FAILED, ERROR, STOPPED (after BatchStopJobRun)
/// or TIMEOUT (after the run's Timeout). A local script, when one handles the job, does the real work while RUNNING.
/// </summary>
internal sealed class JobRunner(JobStore jobs, JobBookmarkStore bookmarks, IEnumerable<ILocalJobScript> scripts, BackgroundWork background)
{
    public void Start(JobRun run, IReadOnlyDictionary<string, string> arguments) =>
        background.Run($"job run {run.Id}", stopping => PlayAsync(run, arguments, stopping));

    private async Task PlayAsync(JobRun run, IReadOnlyDictionary<string, string> arguments, CancellationToken stopping)
    {
        var settings = RunSettings.From(arguments, run.TimeoutMinutes);
        using var timeout = new CancellationTokenSource(settings.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, run.StopRequested, timeout.Token);
        try
        {
            var bookmark = BookmarkArguments.From(arguments);
            await Task.Delay(settings.Starting, linked.Token);
            run.Transition(JobRunStates.Running, jobs.Now);

            var script = scripts.FirstOrDefault(s => s.Handles(run.Job, arguments));
            var minimum = Task.Delay(settings.Running, linked.Token);
            IReadOnlyCollection<string> processed = [];
            if (script is not null)
            {
                var selection = bookmarks.Select(run.Job.Name, bookmark);
                processed = await script.RunAsync(new LocalJobContext(run, arguments, selection), linked.Token);
            }

            await minimum;
            Finish(run, settings, bookmark, processed);
        }
        catch (OperationCanceledException) when (run.StopRequested.IsCancellationRequested)
        {
            run.Transition(JobRunStates.Stopped, jobs.Now);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            // Wording modelled on the Glue console; the exact service text was not available offline.
            var minutes = settings.Timeout.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture);
            run.Transition(JobRunStates.Timeout, jobs.Now, $"Job run timed out after {minutes} minutes");
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            run.Transition(JobRunStates.Stopped, jobs.Now);
        }
        catch (JobFailedException error)
        {
            run.Transition(JobRunStates.Failed, jobs.Now, error.Message);
        }
    }

    private void Finish(JobRun run, RunSettings settings, BookmarkArguments bookmark, IReadOnlyCollection<string> processed)
    {
        if (settings.Outcome != JobRunStates.Succeeded)
        {
            var message = settings.ErrorMessage ?? (settings.Outcome == JobRunStates.Error
                ? "An error occurred while starting the job run (--local-outcome ERROR)"
                : "An error occurred while running the job script (--local-outcome FAILED)");
            run.Transition(settings.Outcome, jobs.Now, message);
            return;
        }

        // Only enable moves the bookmark, and only when the run succeeds: a failed run is read again next time.
        if (bookmark.Option == BookmarkOption.Enable && run.State == JobRunStates.Running)
        {
            bookmarks.Advance(run.Job.Name, run.Id, run.Attempt, processed);
        }

        run.Transition(JobRunStates.Succeeded, jobs.Now);
    }
}
