namespace Orchestrator.Jobs.Aws.Athena.Model;

/// <summary>One query execution: the SQL, where its results go, its status and statistics.</summary>
public sealed class QueryExecution
{
    public string? QueryExecutionId { get; set; }

    public string? Query { get; set; }

    public string? StatementType { get; set; }

    public ResultConfiguration? ResultConfiguration { get; set; }

    public ResultReuseConfiguration? ResultReuseConfiguration { get; set; }

    public QueryExecutionContext? QueryExecutionContext { get; set; }

    public QueryExecutionStatus? Status { get; set; }

    public QueryExecutionStatistics? Statistics { get; set; }

    public string? WorkGroup { get; set; }

    public EngineVersion? EngineVersion { get; set; }

    public List<string>? ExecutionParameters { get; set; }

    public string? SubstatementType { get; set; }
}
