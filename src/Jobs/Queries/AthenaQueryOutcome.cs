namespace Orchestrator.Jobs.Queries;

/// <summary>
/// How a statement ended: Athena's terminal state (<c>SUCCEEDED</c>, <c>FAILED</c>, <c>CANCELLED</c>) or <see cref="TimedOut"/>
/// when the orchestrator stopped it after the configured timeout; the bytes Athena billed for, and its engine time.
/// </summary>
public sealed record AthenaQueryOutcome(
    string QueryExecutionId,
    string State,
    string? Reason,
    long BytesScanned,
    long EngineMillis,
    TimeSpan Elapsed)
{
    /// <summary>The state label used when the orchestrator stopped a query that ran past its timeout.</summary>
    public const string TimedOut = "TIMED_OUT";

    /// <summary>True when Athena reported SUCCEEDED.</summary>
    public bool Succeeded => State == "SUCCEEDED";

    /// <summary>This outcome when it succeeded; otherwise throws <see cref="AthenaQueryFailedException"/> naming the state and reason.</summary>
    public AthenaQueryOutcome EnsureSucceeded() => Succeeded ? this : throw new AthenaQueryFailedException(this);
}
