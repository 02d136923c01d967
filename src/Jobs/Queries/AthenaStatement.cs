namespace Orchestrator.Jobs.Queries;

/// <summary>
/// One SQL statement for Athena. <paramref name="Purpose"/> names why it runs (e.g. <c>partitions.ddl</c>, <c>maintenance.optimize</c>)
/// and <paramref name="Dataset"/> whom it serves; both become span attributes and metric tags, so keep them bounded.
/// </summary>
/// <param name="Sql">The statement. Values from outside must arrive as <paramref name="Parameters"/> or be quoted by a validating builder.</param>
/// <param name="Database">The Glue database unqualified names resolve in.</param>
/// <param name="Dataset">The configured dataset this serves (for per-dataset cost).</param>
/// <param name="Purpose">A short bounded label.</param>
/// <param name="ClientRequestToken">
/// Athena's idempotency token (32–128 characters). Give a token derived from what the statement is for (a task and its fire time),
/// so that a worker restarted mid-query starts nothing new and waits for the query already running. Null: a new one per call.
/// </param>
/// <param name="Parameters">Values for the statement's <c>?</c> placeholders (Athena ExecutionParameters), in order.</param>
/// <param name="IsDdl">DDL counts against the client-side DDL concurrency cap (Athena's DDL quota is shared by the account).</param>
public sealed record AthenaStatement(
    string Sql,
    string Database,
    string Dataset,
    string Purpose,
    string? ClientRequestToken = null,
    IReadOnlyList<string>? Parameters = null,
    bool IsDdl = false);
