namespace Orchestrator.Jobs.Queries;

/// <summary>A statement that ended in FAILED, CANCELLED or a timeout, with Athena's reason.</summary>
public sealed class AthenaQueryFailedException : Exception
{
    /// <summary>Creates the exception for an outcome that did not succeed.</summary>
    public AthenaQueryFailedException(AthenaQueryOutcome outcome)
        : base($"Athena query {outcome?.QueryExecutionId} ended {outcome?.State}: {outcome?.Reason ?? "no reason given"}")
    {
        Outcome = outcome!;
    }

    /// <summary>Creates the exception with a message.</summary>
    public AthenaQueryFailedException()
    {
        Outcome = new AthenaQueryOutcome("", "FAILED", null, 0, 0, TimeSpan.Zero);
    }

    /// <summary>Creates the exception with a message.</summary>
    public AthenaQueryFailedException(string message)
        : base(message)
    {
        Outcome = new AthenaQueryOutcome("", "FAILED", message, 0, 0, TimeSpan.Zero);
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public AthenaQueryFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Outcome = new AthenaQueryOutcome("", "FAILED", message, 0, 0, TimeSpan.Zero);
    }

    /// <summary>The outcome that did not succeed.</summary>
    public AthenaQueryOutcome Outcome { get; }
}
