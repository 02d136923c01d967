namespace Orchestrator.Jobs.Catalog;

/// <summary>A Glue Data Catalog table by database and name.</summary>
public sealed record TableRef(string Database, string Table)
{
    /// <inheritdoc />
    public override string ToString() => $"{Database}.{Table}";
}
