namespace Orchestrator.Jobs.Runs;

/// <summary>What both run stores do to values before writing them, so their semantics cannot drift apart.</summary>
internal static class RunRules
{
    /// <summary>The name under which the run store's migrations are recorded in <c>schema_version</c>.</summary>
    public const string SchemaComponent = "runs";

    /// <summary>
    /// The active states as an SQL list. The unique index over active runs is declared with exactly this predicate, and
    /// PostgreSQL's <c>ON CONFLICT … WHERE</c> only picks that index when the predicate matches it, so there is one copy.
    /// </summary>
    public const string ActiveStates = "('Requested', 'Starting', 'Running')";

    /// <summary>The ledger states a run may take (<see cref="IRunStore.ClaimObjectsAsync"/>) and process.</summary>
    public const string ClaimableObjectStates = "('Pending', 'Registered')";

    /// <summary>
    /// With a raw table: a Pending object with a partition is not claimable, since its partition may not be registered yet
    /// (it arrived after the run read the partitions to register); see <see cref="IRunStore.ClaimObjectsAsync"/>.
    /// </summary>
    public const string RegisteredOnly = " AND (state <> 'Pending' OR partition_path IS NULL)";

    /// <summary>
    /// A timestamp as both stores keep it: UTC, truncated to whole microseconds (PostgreSQL's resolution), so that what a
    /// caller gets back is exactly what is stored, on either store.
    /// </summary>
    public static DateTimeOffset Stored(DateTimeOffset value) => new(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);

    /// <inheritdoc cref="Stored(DateTimeOffset)"/>
    public static DateTimeOffset? Stored(DateTimeOffset? value) => value is { } v ? Stored(v) : null;

    /// <summary>Checks a run being admitted and returns it in stored form.</summary>
    public static GlueRun ForAdmission(GlueRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.RunId == Guid.Empty)
        {
            throw new ArgumentException("A run needs a run id.", nameof(run));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(run.Dataset, nameof(run));
        ArgumentException.ThrowIfNullOrWhiteSpace(run.JobName, nameof(run));
        ArgumentNullException.ThrowIfNull(run.BookmarkOption, nameof(run));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(run.Attempt, nameof(run));
        if (!Enum.IsDefined(run.Trigger))
        {
            throw new ArgumentOutOfRangeException(nameof(run), run.Trigger, "Undefined run trigger.");
        }

        if (run.State != RunState.Requested)
        {
            throw new ArgumentException($"A run is admitted in state Requested, not {run.State}.", nameof(run));
        }

        return run with { RequestedAt = Stored(run.RequestedAt), StartedAt = Stored(run.StartedAt), CompletedAt = Stored(run.CompletedAt) };
    }

    /// <summary>Checks the outcome passed to <see cref="IRunStore.CompleteAsync"/>.</summary>
    public static void EnsureOutcome(RunState outcome)
    {
        if (outcome is not (RunState.Succeeded or RunState.Failed))
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "A run completes as Succeeded or Failed.");
        }
    }

    /// <summary>The exception for a run id that is already stored: ids are never reused, even for retries.</summary>
    public static InvalidOperationException DuplicateRunId(Guid runId, Exception? inner = null) =>
        new($"Run {runId} is already stored; every admission needs a new run id.", inner);

    /// <summary>
    /// When <see cref="IRunStore.MarkRunningAsync"/> finds the run past Starting: recording the same Glue job run again (a
    /// retried call) changes nothing; anything else would mean two Glue runs for one of ours, or an unknown run.
    /// </summary>
    public static void EnsureSameJobRun(Guid runId, GlueRun? stored, string jobRunId)
    {
        if (stored is null || !string.Equals(stored.JobRunId, jobRunId, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(stored is null
                ? $"Run {runId} does not exist."
                : $"Run {runId} cannot record Glue job run {jobRunId}: it is {stored.State} with job run '{stored.JobRunId}'.");
        }
    }
}
