using System.Data.Common;
using DuckDB.NET.Data;

namespace LocalAws.Sql;

/// <summary>
/// One in-memory DuckDB database for one query or job run: nothing is shared between runs, so they cannot see each
/// other's temp views.
/// </summary>
internal sealed class DuckDbSession : IDisposable
{
    private readonly DuckDBConnection _connection;

    public DuckDbSession()
    {
        _connection = new DuckDBConnection("DataSource=:memory:");
        _connection.Open();
    }

    public void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    public object? Scalar(string sql)
    {
        using var command = Command(sql);
        return command.ExecuteScalar();
    }

    /// <summary>Runs a query and hands each row to <paramref name="row"/>.</summary>
    public void Read(string sql, Action<DbDataReader> row)
    {
        using var command = Command(sql);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            row(reader);
        }
    }

    public void Dispose() => _connection.Dispose();

#pragma warning disable CA2100 // The emulator runs SQL by design: Athena query text, or SQL built with SqlText quoting.
    private DuckDBCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
#pragma warning restore CA2100
}
