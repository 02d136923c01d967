namespace Orchestrator.Jobs.Storage;

/// <summary>Which database holds the ledger and the Quartz store.</summary>
public enum StoreProvider
{
    /// <summary>A SQLite file: the embedded default for one task.</summary>
    Sqlite,

    /// <summary>PostgreSQL (RDS): several tasks, Quartz clustered.</summary>
    PostgreSql,
}
