using Orchestrator.Jobs.Storage;

namespace Orchestrator.Jobs.Runs;

/// <summary>Creates the <see cref="IRunStore"/> for the configured store.</summary>
public static class RunStoreFactory
{
    /// <summary>
    /// A run store on <paramref name="connectionString"/>, the same database as the ledger: a SQLite file
    /// (<c>Data Source=/path/ledger.db</c>) or a PostgreSQL server. Call <see cref="IRunStore.InitializeAsync"/> before use
    /// (it also brings the ledger's schema up to date, which lineage needs) and dispose the store when done.
    /// </summary>
    /// <param name="provider">Which database.</param>
    /// <param name="connectionString">ADO.NET connection string for that database.</param>
    /// <param name="time">Clock for the updated-at stamps.</param>
    public static IRunStore Create(StoreProvider provider, string connectionString, TimeProvider time) => provider switch
    {
        StoreProvider.Sqlite => new SqliteRunStore(connectionString, time),
        StoreProvider.PostgreSql => new PostgresRunStore(connectionString, time),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown store provider."),
    };
}
