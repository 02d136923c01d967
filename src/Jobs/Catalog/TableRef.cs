namespace Orchestrator.Jobs.Catalog;

/// <summary>
/// A Glue Data Catalog table by database and name, and how its new partitions are registered (<see cref="Crawler"/> names
/// the crawler when <see cref="Registration"/> is <see cref="PartitionRegistration.Crawler"/>).
/// </summary>
public sealed record TableRef(string Database, string Table, PartitionRegistration Registration = PartitionRegistration.GlueApi, string? Crawler = null)
{
    /// <inheritdoc />
    public override string ToString() => $"{Database}.{Table}";
}
