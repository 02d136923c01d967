namespace Orchestrator.Jobs.Aws.Athena.Model;

/// <summary>The columns of a result set.</summary>
public sealed class ResultSetMetadata
{
    public List<ColumnInfo>? ColumnInfo { get; set; }
}
