namespace Orchestrator.Jobs.Aws.Athena.Model;

/// <summary>Where a query is (<see cref="State"/>) and, when it failed, why.</summary>
public sealed class QueryExecutionStatus
{
    public QueryExecutionState? State { get; set; }

    public string? StateChangeReason { get; set; }

    public DateTime? SubmissionDateTime { get; set; }

    public DateTime? CompletionDateTime { get; set; }

    public AthenaError? AthenaError { get; set; }
}
