using Orchestrator.Jobs.Storage;

namespace Orchestrator.Configuration;

/// <summary>Where the ledger and the Quartz store live: a SQLite file on one task, PostgreSQL for several.</summary>
public sealed class StoreOptions
{
    /// <summary><c>Sqlite</c> (default) or <c>PostgreSql</c>.</summary>
    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>ADO.NET connection string. For SQLite, <c>Data Source=/data/orchestrator.db</c>; for PostgreSQL, Npgsql's format.</summary>
    public string ConnectionString { get; set; } = "Data Source=orchestrator.db";
}
