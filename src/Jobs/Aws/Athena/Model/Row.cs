namespace Orchestrator.Jobs.Aws.Athena.Model;

/// <summary>One row of a result set.</summary>
public sealed class Row
{
    public List<Datum>? Data { get; set; }
}
