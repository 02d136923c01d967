using Orchestrator.Jobs.Queries;

namespace Orchestrator.Jobs.Catalog;

/// <summary>
/// Athena DDL: <c>ALTER TABLE … ADD IF NOT EXISTS PARTITION (…) LOCATION '…'</c>, as few statements as fit below Athena's
/// 262,144-byte limit, each built by <see cref="PartitionSql"/> from validated and quoted parts only, run through
/// <see cref="AthenaQueryRunner"/> as DDL (its workgroup, DDL concurrency cap, backoff and timeout). IF NOT EXISTS makes a
/// partition that is already there a no-op, so a statement run twice (a retry after an unknown outcome) changes nothing.
/// </summary>
public sealed class AthenaDdlPartitionStrategy(AthenaQueryRunner athena) : IPartitionStrategy
{
    /// <summary>The purpose label of the statements (span attribute and metric tag of the query runner).</summary>
    public const string Purpose = "partitions.ddl";

    /// <inheritdoc />
    public PartitionRegistration Kind => PartitionRegistration.AthenaDdl;

    /// <inheritdoc />
    public async Task<bool> RegisterAsync(DescribedTable table, string dataset, IReadOnlyList<PartitionRegistrar.Target> partitions,
        RegistrationCounter counter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(partitions);
        ArgumentNullException.ThrowIfNull(counter);
        var statements = PartitionSql.AddPartitions(table.Table, table.Keys, table.RequireLocation(), partitions);
        foreach (string sql in statements)
        {
            counter.Calls++;
            var outcome = await athena.RunAsync(new AthenaStatement(sql, table.Table.Database, dataset, Purpose, IsDdl: true), cancellationToken);
            outcome.EnsureSucceeded();
        }

        // DDL does not say which partitions were new; IF NOT EXISTS made the rest no-ops.
        counter.Added += partitions.Count;
        return true;
    }
}
