namespace Orchestrator.Jobs.Catalog;

/// <summary>One way of adding a table's new partitions to the catalog (<see cref="PartitionRegistration"/>).</summary>
public interface IPartitionStrategy
{
    /// <summary>Which configuration value selects this strategy.</summary>
    PartitionRegistration Kind { get; }

    /// <summary>
    /// Adds the partitions (all validated, none known yet, the table not projected). Returns true when they are in the
    /// catalog on return, false when that happens later (a crawler), so they are not remembered as known.
    /// </summary>
    Task<bool> RegisterAsync(DescribedTable table, string dataset, IReadOnlyList<PartitionRegistrar.Target> partitions,
        RegistrationCounter counter,
        CancellationToken cancellationToken);
}
