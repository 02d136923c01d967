using Orchestrator.Jobs.Ledger;
using Orchestrator.Jobs.Runs;
using Orchestrator.Jobs.Tracing;

namespace Orchestrator.UnitTests.GlueRuns;

/// <summary>
/// <see cref="IRunStore"/> in memory, following the interface's contract as the SQL stores do: one active run per Glue job
/// (a second request sets the follow-up flag), state guards on every transition, and <see cref="RunRules"/> for the values.
/// The ledger is a plain list of objects, enough for the lineage the coordinator drives.
/// </summary>
internal sealed class InMemoryRunStore : IRunStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<Guid, GlueRun> runs = [];
    private readonly List<LedgerObject> objects = [];

    /// <summary>Adds Pending objects of the dataset that no run has taken yet.</summary>
    public void AddPendingObjects(string dataset, int count)
    {
        lock (gate)
        {
            for (int i = 0; i < count; i++)
            {
                objects.Add(new LedgerObject(dataset) { State = ObjectState.Pending });
            }
        }
    }

    /// <summary>Objects of the dataset that no run holds: what the next run would take.</summary>
    public int UnassignedObjects(string dataset)
    {
        lock (gate)
        {
            return objects.Count(o => o.Dataset == dataset && o.RunId is null && o.State is ObjectState.Pending or ObjectState.Registered);
        }
    }

    /// <summary>Every stored run.</summary>
    public IReadOnlyList<GlueRun> AllRuns()
    {
        lock (gate)
        {
            return [.. runs.Values];
        }
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<RunAdmission> AdmitAsync(GlueRun run, CancellationToken cancellationToken)
    {
        var stored = RunRules.ForAdmission(run);
        lock (gate)
        {
            if (runs.ContainsKey(stored.RunId))
            {
                throw RunRules.DuplicateRunId(stored.RunId);
            }

            if (runs.Values.FirstOrDefault(r => r.IsActive && r.JobName == stored.JobName) is { } active)
            {
                var joined = active with
                {
                    FollowUpRequested = true,
                    FollowUpTraceParents = RunTrace.Merge(active.FollowUpTraceParents, stored.TraceParents),
                };
                runs[joined.RunId] = joined;
                return Task.FromResult(new RunAdmission(false, joined));
            }

            runs[stored.RunId] = stored;
            return Task.FromResult(new RunAdmission(true, stored));
        }
    }

    public Task<bool> MarkStartingAsync(Guid runId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (runs.GetValueOrDefault(runId) is not { State: RunState.Requested } run)
            {
                return Task.FromResult(false);
            }

            runs[runId] = run with { State = RunState.Starting };
            return Task.FromResult(true);
        }
    }

    public Task MarkRunningAsync(Guid runId, string jobRunId, DateTimeOffset? startedAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobRunId);
        lock (gate)
        {
            var run = runs.GetValueOrDefault(runId);
            if (run is { State: RunState.Requested or RunState.Starting })
            {
                runs[runId] = run with
                {
                    State = RunState.Running,
                    JobRunId = jobRunId,
                    StartedAt = RunRules.Stored(startedAt) ?? run.StartedAt,
                };
                return Task.CompletedTask;
            }

            RunRules.EnsureSameJobRun(runId, run, jobRunId);
            return Task.CompletedTask;
        }
    }

    public Task UpdateGlueStateAsync(Guid runId, string glueState, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(glueState);
        lock (gate)
        {
            if (runs.GetValueOrDefault(runId) is { IsActive: true } run)
            {
                runs[runId] = run with { GlueState = glueState };
            }

            return Task.CompletedTask;
        }
    }

    public Task<GlueRun?> CompleteAsync(Guid runId, RunState outcome, string? glueState, string? errorMessage, DateTimeOffset completedAt,
        double? dpuSeconds, CancellationToken cancellationToken)
    {
        RunRules.EnsureOutcome(outcome);
        lock (gate)
        {
            if (runs.GetValueOrDefault(runId) is not { IsActive: true } run)
            {
                return Task.FromResult<GlueRun?>(null);
            }

            var completed = run with
            {
                State = outcome,
                GlueState = glueState ?? run.GlueState,
                Error = errorMessage,
                CompletedAt = RunRules.Stored(completedAt),
                DpuSeconds = dpuSeconds,
            };
            runs[runId] = completed;
            return Task.FromResult<GlueRun?>(completed);
        }
    }

    public Task<GlueRun?> GetAsync(Guid runId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(runs.GetValueOrDefault(runId));
        }
    }

    public Task<IReadOnlyList<GlueRun>> ListActiveAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<GlueRun>>([.. runs.Values
                .Where(r => r.IsActive)
                .OrderBy(r => r.RequestedAt).ThenBy(r => r.RunId)]);
        }
    }

    public Task<IReadOnlyList<GlueRun>> ListAsync(string? dataset, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<GlueRun>>([.. runs.Values
                .Where(r => dataset is null || r.Dataset == dataset)
                .OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.RunId)
                .Take(limit)]);
        }
    }

    public Task<int> ClaimObjectsAsync(Guid runId, string dataset, CancellationToken cancellationToken, bool registeredOnly = false) =>
        // The objects here carry no partition, and an object without one is claimable whatever registeredOnly says.
        Update(o => o.Dataset == dataset && o.State is ObjectState.Pending or ObjectState.Registered && o.RunId is null,
            o => o.RunId = runId);

    public Task<int> MarkObjectsProcessedAsync(Guid runId, CancellationToken cancellationToken) =>
        Update(o => o.RunId == runId && o.State is ObjectState.Pending or ObjectState.Registered, o => o.State = ObjectState.Processed);

    public Task<int> ReleaseObjectsAsync(Guid runId, CancellationToken cancellationToken) =>
        Update(o => o.RunId == runId && o.State != ObjectState.Processed, o => o.RunId = null);

    // The objects here carry no partition: these tests run jobs without a raw table, so nothing is registered.
    public Task<IReadOnlyList<string>> PendingPartitionsAsync(string dataset, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    public Task<IReadOnlyList<string>> RegisteredPartitionsAsync(string dataset, IReadOnlyCollection<string> partitions,
        CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    public Task<int> MarkPartitionsRegisteredAsync(string dataset, IReadOnlyCollection<string> partitions,
        CancellationToken cancellationToken) =>
        Task.FromResult(0);

    public Task<int> CountObjectsAsync(string dataset, ObjectState state, Guid? runId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(objects.Count(o => o.Dataset == dataset && o.State == state && (runId is null || o.RunId == runId)));
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task<int> Update(Func<LedgerObject, bool> where, Action<LedgerObject> change)
    {
        lock (gate)
        {
            var matching = objects.Where(where).ToList();
            matching.ForEach(change);
            return Task.FromResult(matching.Count);
        }
    }

    private sealed class LedgerObject(string dataset)
    {
        public string Dataset { get; } = dataset;

        public ObjectState State { get; set; }

        public Guid? RunId { get; set; }
    }
}
