namespace Orchestrator.Jobs.Aws.Athena.Model;

/// <summary>
/// Input of <c>AmazonAthena.StartQueryExecution</c>. A missing <see cref="ClientRequestToken"/> is filled with a new GUID before the
/// first attempt, as the official SDK does, so retries are idempotent.
/// </summary>
public sealed class StartQueryExecutionRequest
{
    public string? QueryString { get; set; }

    public string? ClientRequestToken { get; set; }

    public QueryExecutionContext? QueryExecutionContext { get; set; }

    public ResultConfiguration? ResultConfiguration { get; set; }

    public string? WorkGroup { get; set; }

    public List<string>? ExecutionParameters { get; set; }

    public ResultReuseConfiguration? ResultReuseConfiguration { get; set; }
}
