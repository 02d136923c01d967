using Orchestrator.Jobs.Storage;

namespace Orchestrator.Jobs.Ledger;

/// <summary>Creates the <see cref="IObjectLedger"/> for the configured store.</summary>
public static class ObjectLedgerFactory
{
    /// <summary>
    /// A ledger on <paramref name="connectionString"/>: a SQLite file (<c>Data Source=/path/ledger.db</c>) or a PostgreSQL
    /// server. Call <see cref="IObjectLedger.InitializeAsync"/> before use and dispose the ledger when done.
    /// </summary>
    /// <param name="provider">Which database.</param>
    /// <param name="connectionString">ADO.NET connection string for that database.</param>
    /// <param name="time">Clock for the first-seen and updated-at stamps.</param>
    public static IObjectLedger Create(StoreProvider provider, string connectionString, TimeProvider time) => provider switch
    {
        StoreProvider.Sqlite => new SqliteObjectLedger(connectionString, time),
        StoreProvider.PostgreSql => new PostgresObjectLedger(connectionString, time),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown store provider."),
    };
}
