namespace Orchestrator.Jobs.Aws.Athena.Model;

/// <summary>The catalog and database a query's unqualified names resolve in.</summary>
public sealed class QueryExecutionContext
{
    public string? Database { get; set; }

    public string? Catalog { get; set; }
}
