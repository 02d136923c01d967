using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Orchestrator.Jobs.GlueRuns;

namespace Orchestrator.Jobs.Catalog;

/// <summary>
/// Registers the partitions a batch brought (raw partitions before a run, output partitions after it) with the table's
/// strategy (<see cref="PartitionRegistration"/>). Partitions already known cost nothing: <see cref="KnownPartitions"/> is
/// asked first, and when nothing is new no call is made at all, not even GetTable. Tables with partition projection
/// (<c>projection.enabled=true</c>) need no registration and are skipped, whatever the strategy. Every value is checked
/// against its column's type before any strategy runs, so a value that does not fit is refused before it reaches Glue or
/// Athena. One span per batch; metrics by table kind and strategy. Never MSCK REPAIR.
/// </summary>
public sealed partial class PartitionRegistrar(
    TableDescriptions tables,
    KnownPartitions known,
    IEnumerable<IPartitionStrategy> strategies,
    ILogger<PartitionRegistrar> logger)
{
    private readonly Dictionary<PartitionRegistration, IPartitionStrategy> byKind = strategies.ToDictionary(s => s.Kind);

    /// <summary>A partition to add: its values in column order and its folder under the table's location.</summary>
    public sealed record Target(IReadOnlyList<string> Values, string Folder);

    /// <summary>
    /// Registers the partitions; returns how many are in the catalog now or, with a crawler, being added (new, already
    /// known, or not needed because of projection). <paramref name="dataset"/> is the dataset it serves; <paramref name="kind"/>
    /// is <c>raw</c> or <c>output</c>, for telemetry.
    /// </summary>
    public async Task<int> RegisterAsync(TableRef table, string dataset, string kind, IReadOnlyCollection<Target> partitions,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(partitions);
        if (partitions.Count == 0)
        {
            return 0;
        }

        var distinct = partitions.DistinctBy(p => string.Join('\u001f', p.Values), StringComparer.Ordinal).ToList();
        var fresh = distinct.Where(p => !known.Contains(table, p.Values)).ToList();
        string strategy = table.Registration.ToString();
        using var activity = GlueRunTelemetry.Source.StartActivity("orchestrator.partitions.register");
        activity?.SetTag("orchestrator.dataset", dataset);
        activity?.SetTag("orchestrator.table", table.ToString());
        activity?.SetTag("orchestrator.partitions.kind", kind);
        activity?.SetTag("orchestrator.partitions.strategy", strategy);
        activity?.SetTag("orchestrator.partitions.count", distinct.Count);
        activity?.SetTag("orchestrator.partitions.new", fresh.Count);
        var counter = new RegistrationCounter();
        try
        {
            if (fresh.Count == 0)
            {
                return distinct.Count;
            }

            var described = await tables.GetAsync(table, counter, cancellationToken);
            if (described.Projection)
            {
                activity?.SetTag("orchestrator.partitions.projection", true);
                LogProjection(logger, table.ToString(), fresh.Count);
                return distinct.Count;
            }

            Validate(described, fresh);
            if (!byKind.TryGetValue(table.Registration, out var registration))
            {
                throw new InvalidOperationException($"No partition strategy {table.Registration} is registered.");
            }

            if (await registration.RegisterAsync(described, dataset, fresh, counter, cancellationToken))
            {
                known.Add(table, fresh.Select(p => p.Values));
            }

            LogRegistered(logger, fresh.Count, table.ToString(), strategy, counter.Added, counter.Calls);
            return distinct.Count;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            activity?.SetTag("error.type", ex.GetType().Name);
            throw;
        }
        finally
        {
            activity?.SetTag("orchestrator.partitions.calls", counter.Calls);
            activity?.SetTag("orchestrator.partitions.added", counter.Added);
            var tags = new TagList { { "kind", kind }, { "strategy", strategy } };
            if (counter.Calls > 0)
            {
                GlueRunTelemetry.PartitionCalls.Add(counter.Calls, tags);
            }

            if (counter.Added > 0)
            {
                GlueRunTelemetry.PartitionsRegistered.Add(counter.Added, tags);
            }
        }
    }

    /// <summary>Every value against its column's type, every name against Glue's rules, before anything is sent.</summary>
    private static void Validate(DescribedTable table, List<Target> partitions)
    {
        if (table.Keys.Count == 0)
        {
            throw new PartitionRejectedException($"Table {table.Table} has no partition keys; there is nothing to register partitions in.");
        }

        foreach (var key in table.Keys)
        {
            PartitionSql.Identifier(key.Name);
        }

        foreach (var partition in partitions)
        {
            if (partition.Values.Count != table.Keys.Count)
            {
                throw new PartitionRejectedException(
                    $"A partition of {table.Table} has {partition.Values.Count} values for {table.Keys.Count} partition columns " +
                    $"({string.Join(", ", table.Keys.Select(k => k.Name))}).");
            }

            for (int i = 0; i < table.Keys.Count; i++)
            {
                PartitionSql.Literal(table.Keys[i].Name, table.Keys[i].Type, partition.Values[i]);
            }
        }
    }

    [LoggerMessage(LogLevel.Debug, "Table {Table} uses partition projection: {Count} partitions need no registration")]
    private static partial void LogProjection(ILogger logger, string table, int count);

    [LoggerMessage(LogLevel.Information, "{Count} new partitions of {Table} registered with {Strategy}: {Added} added, {Calls} API calls")]
    private static partial void LogRegistered(ILogger logger, int count, string table, string strategy, int added, int calls);
}
