using Orchestrator.Jobs.Aws.Glue;
using Orchestrator.Jobs.Aws.Glue.Model;

namespace Orchestrator.Jobs.Catalog;

/// <summary>
/// GetTable answers kept for a short while: registering partitions needs the table's keys, location and storage template,
/// which change rarely, and asking for them on every run would be a call per run even when nothing else is needed. A table
/// changed in Glue (projection switched on, a new location) is seen within <see cref="Lifetime"/>.
/// </summary>
public sealed class TableDescriptions(IAmazonGlue glue, TimeProvider time)
{
    /// <summary>How long a description is used before GetTable is asked again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly Lock gate = new();
    private readonly Dictionary<(string, string), (DescribedTable Table, DateTimeOffset Until)> cache = [];

    /// <summary>The table, from the cache or from GetTable. <paramref name="calls"/> is increased when Glue was asked.</summary>
    public async Task<DescribedTable> GetAsync(TableRef table, RegistrationCounter calls, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(calls);
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (cache.TryGetValue((table.Database, table.Table), out var entry) && entry.Until > now)
            {
                return entry.Table with { Table = table };
            }
        }

        calls.Calls++;
        var described = (await glue.GetTableAsync(new GetTableRequest { DatabaseName = table.Database, Name = table.Table }, cancellationToken)).Table
            ?? throw new InvalidOperationException($"Glue returned no table for {table}.");
        var result = DescribedTable.From(table, described);
        lock (gate)
        {
            cache[(table.Database, table.Table)] = (result, now + Lifetime);
        }

        return result;
    }
}
