using System.Security.Cryptography;
using System.Text.Json.Nodes;
using LocalAws.Wire;

namespace LocalAws.Glue.Jobs;

/// <summary>Job definitions and their runs, in memory.</summary>
internal sealed class JobStore(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, GlueJob> _jobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<JobRun>> _runs = new(StringComparer.Ordinal);

    public DateTimeOffset Now => time.GetUtcNow();

    public void Create(JsonObject request)
    {
        var name = request.RequiredString("Name");
        request.RequiredString("Role");
        request.RequiredObject("Command");
        var definition = (JsonObject)request.DeepClone();
        definition.Remove("Tags");
        var now = EpochSeconds.From(Now);
        definition["CreatedOn"] = now;
        definition["LastModifiedOn"] = now.DeepClone();
        definition["ExecutionProperty"] ??= new JsonObject { ["MaxConcurrentRuns"] = GlueJob.DefaultMaxConcurrentRuns };
        definition["Timeout"] ??= GlueJob.DefaultTimeoutMinutes;
        definition["MaxRetries"] ??= 0;
        lock (_gate)
        {
            if (!_jobs.TryAdd(name, new GlueJob(definition)))
            {
                throw GlueErrors.AlreadyExists($"Job {name} already exists.");
            }

            _runs[name] = [];
        }
    }

    public GlueJob Get(string name)
    {
        lock (_gate)
        {
            return _jobs.GetValueOrDefault(name) ?? throw GlueErrors.EntityNotFound($"Job {name} not found");
        }
    }

    /// <summary>
    /// Creates a run in STARTING, or throws ConcurrentRunsExceededException. Checked and added under one lock, so two
    /// simultaneous StartJobRun calls cannot both squeeze under the limit.
    /// </summary>
    public JobRun Start(string jobName, IReadOnlyDictionary<string, string> arguments, int? timeoutMinutes, string? previousRunId)
    {
        lock (_gate)
        {
            // The message Glue gives when the job does not exist.
            var job = _jobs.GetValueOrDefault(jobName) ?? throw GlueErrors.EntityNotFound("Failed to start job run due to missing metadata");
            var runs = _runs[jobName];
            if (runs.Count(r => JobRunStates.IsActive(r.State)) >= job.MaxConcurrentRuns)
            {
                throw GlueErrors.ConcurrentRunsExceeded($"Concurrent runs exceeded for {jobName}");
            }

            var attempt = 0;
            if (previousRunId is not null)
            {
                var previous = runs.Find(r => r.Id == previousRunId)
                    ?? throw GlueErrors.EntityNotFound($"Job run {previousRunId} not found");
                attempt = previous.Attempt + 1;
            }

            var id = "jr_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            var run = new JobRun(id, job, arguments, timeoutMinutes ?? job.TimeoutMinutes, Now, previousRunId, attempt);
            runs.Add(run);
            return run;
        }
    }

    public JobRun GetRun(string jobName, string runId)
    {
        lock (_gate)
        {
            Get(jobName);
            return _runs[jobName].Find(r => r.Id == runId) ?? throw GlueErrors.EntityNotFound($"Job run {runId} not found");
        }
    }

    public JobRun? FindRun(string jobName, string runId)
    {
        lock (_gate)
        {
            return _runs.GetValueOrDefault(jobName)?.Find(r => r.Id == runId);
        }
    }

    /// <summary>Newest first, as GetJobRuns returns them.</summary>
    public IReadOnlyList<JobRun> Runs(string jobName)
    {
        lock (_gate)
        {
            Get(jobName);
            return [.. Enumerable.Reverse(_runs[jobName])];
        }
    }
}
