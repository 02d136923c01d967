namespace Orchestrator.Jobs.Ledger;

/// <summary>Where an object is in its life in the ledger.</summary>
public enum ObjectState
{
    /// <summary>Recorded, routed to a dataset, waiting for its partition and a Glue run.</summary>
    Pending,

    /// <summary>Its raw partition is in the Glue Data Catalog.</summary>
    Registered,

    /// <summary>A Glue run took it (lineage in the run tables).</summary>
    Processed,

    /// <summary>Acknowledged but kept out of the catalog; see the reject reason.</summary>
    Rejected,

    /// <summary>An ObjectRemoved event superseded it.</summary>
    Removed,
}
