using Orchestrator.Jobs.Aws.Athena;
using Orchestrator.Jobs.Aws.Athena.Model;

namespace Orchestrator.Jobs.Catalog;

/// <summary>
/// Athena DDL: <c>ALTER TABLE … ADD IF NOT EXISTS PARTITION (…) LOCATION '…'</c>, as few statements as fit below Athena's
/// 262,144-byte limit, each built by <see cref="PartitionSql"/> from validated and quoted parts only. IF NOT EXISTS makes a
/// partition that is already there a no-op, so a statement run twice (a retry after an unknown outcome) changes nothing.
/// </summary>
public sealed class AthenaDdlPartitionStrategy(IAmazonAthena athena, TimeProvider time) : IPartitionStrategy
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <inheritdoc />
    public PartitionRegistration Kind => PartitionRegistration.AthenaDdl;

    /// <inheritdoc />
    public async Task<bool> RegisterAsync(DescribedTable table, IReadOnlyList<PartitionRegistrar.Target> partitions, RegistrationCounter counter,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(partitions);
        ArgumentNullException.ThrowIfNull(counter);
        var statements = PartitionSql.AddPartitions(table.Table, table.Keys, table.RequireLocation(), partitions);
        foreach (string sql in statements)
        {
            await RunAsync(sql, table.Table.Database, counter, cancellationToken);
        }

        // DDL does not say which partitions were new; IF NOT EXISTS made the rest no-ops.
        counter.Added += partitions.Count;
        return true;
    }

    private async Task RunAsync(string sql, string database, RegistrationCounter counter, CancellationToken cancellationToken)
    {
        counter.Calls++;
        var started = await athena.StartQueryExecutionAsync(new StartQueryExecutionRequest
        {
            QueryString = sql,
            QueryExecutionContext = new QueryExecutionContext { Database = database },
        }, cancellationToken);
        var deadline = time.GetUtcNow() + Timeout;
        while (true)
        {
            counter.Calls++;
            var execution = (await athena.GetQueryExecutionAsync(new GetQueryExecutionRequest { QueryExecutionId = started.QueryExecutionId }, cancellationToken))
                .QueryExecution;
            string state = execution?.Status?.State?.Value ?? "UNKNOWN";
            if (state == "SUCCEEDED")
            {
                return;
            }

            if (state is "FAILED" or "CANCELLED")
            {
                throw new InvalidOperationException(
                    $"ALTER TABLE ADD PARTITION on {database} ended {state}: {execution?.Status?.StateChangeReason}");
            }

            if (time.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"ALTER TABLE ADD PARTITION {started.QueryExecutionId} did not finish within {Timeout}.");
            }

            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }
}
