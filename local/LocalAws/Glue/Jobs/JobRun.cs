using System.Text.Json.Nodes;
using LocalAws.Wire;

namespace LocalAws.Glue.Jobs;

/// <summary>One run of a job. State changes go through <see cref="Transition"/> so readers always see a consistent run.</summary>
// CA1001: the token source has no timer or handle to release; runs live as long as the emulator keeps its history.
#pragma warning disable CA1001
internal sealed class JobRun
#pragma warning restore CA1001
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private string _state = JobRunStates.Starting;
    private DateTimeOffset _lastModified;
    private DateTimeOffset? _completed;
    private string? _errorMessage;

    public JobRun(string id, GlueJob job, IReadOnlyDictionary<string, string> arguments, int timeoutMinutes, DateTimeOffset startedOn,
        string? previousRunId, int attempt)
    {
        Id = id;
        Job = job;
        Arguments = arguments;
        TimeoutMinutes = timeoutMinutes;
        StartedOn = startedOn;
        _lastModified = startedOn;
        PreviousRunId = previousRunId;
        Attempt = attempt;
    }

    public string Id { get; }

    public GlueJob Job { get; }

    /// <summary>The Arguments of StartJobRun only, which is what GetJobRun returns.</summary>
    public IReadOnlyDictionary<string, string> Arguments { get; }

    public int TimeoutMinutes { get; }

    public DateTimeOffset StartedOn { get; }

    public string? PreviousRunId { get; }

    public int Attempt { get; }

    /// <summary>Cancelled by BatchStopJobRun.</summary>
    public CancellationToken StopRequested => _stop.Token;

    public string State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>Moves to <paramref name="state"/> unless the run already ended; false when it had.</summary>
    public bool Transition(string state, DateTimeOffset now, string? errorMessage = null)
    {
        lock (_gate)
        {
            if (!JobRunStates.IsActive(_state))
            {
                return false;
            }

            _state = state;
            _lastModified = now;
            _errorMessage = errorMessage ?? _errorMessage;
            if (!JobRunStates.IsActive(state))
            {
                _completed = now;
            }

            return true;
        }
    }

    /// <summary>BatchStopJobRun: STOPPING now, STOPPED once the run notices.</summary>
    public bool RequestStop(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_state is not (JobRunStates.Starting or JobRunStates.Running or JobRunStates.Waiting))
            {
                return false;
            }

            _state = JobRunStates.Stopping;
            _lastModified = now;
        }

        _stop.Cancel();
        return true;
    }

    public JsonObject ToJson()
    {
        lock (_gate)
        {
            var run = new JsonObject
            {
                ["Id"] = Id,
                ["Attempt"] = Attempt,
                ["JobName"] = Job.Name,
                ["JobMode"] = (string?)Job.Definition["JobMode"] ?? "SCRIPT",
                ["StartedOn"] = EpochSeconds.From(StartedOn),
                ["LastModifiedOn"] = EpochSeconds.From(_lastModified),
                ["JobRunState"] = _state,
                ["Arguments"] = Arguments.ToJsonObject(),
                ["PredecessorRuns"] = new JsonArray(),
                ["ExecutionTime"] = (int)Math.Ceiling(((_completed ?? _lastModified) - StartedOn).TotalSeconds),
                ["Timeout"] = TimeoutMinutes,
                ["LogGroupName"] = "/aws-glue/jobs",
            };
            Copy(run, "GlueVersion", "WorkerType", "NumberOfWorkers", "MaxCapacity", "ExecutionClass");
            if (PreviousRunId is not null)
            {
                run["PreviousRunId"] = PreviousRunId;
            }

            if (_completed is { } completed)
            {
                run["CompletedOn"] = EpochSeconds.From(completed);
            }

            if (_errorMessage is not null)
            {
                run["ErrorMessage"] = _errorMessage;
            }

            return run;
        }
    }

    private void Copy(JsonObject run, params string[] members)
    {
        foreach (var member in members)
        {
            if (Job.Definition[member] is { } value)
            {
                run[member] = value.DeepClone();
            }
        }
    }
}
