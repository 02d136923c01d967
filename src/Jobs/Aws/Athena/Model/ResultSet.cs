namespace Orchestrator.Jobs.Aws.Athena.Model;

/// <summary>One page of query results: the rows (every value a string) and the column metadata.</summary>
public sealed class ResultSet
{
    public List<Row>? Rows { get; set; }

    public ResultSetMetadata? ResultSetMetadata { get; set; }
}
