using System.Globalization;
using Orchestrator.Jobs.Aws.Glue;
using Orchestrator.Jobs.Aws.Glue.Model;

namespace Orchestrator.Jobs.Maintenance;

/// <summary>
/// Compact: rewrites one partition into few Parquet files at a new location and points the partition there. Steps, each a
/// statement with its own token (so a restarted run reattaches to the step in flight), and what a failure leaves:
/// <list type="number">
/// <item>GetTable, BatchGetPartition: the columns, the format (Parquet or ORC; others fail), the partition's current location.
/// Not registered → skipped.</item>
/// <item>Already at the target location (an earlier attempt finished the switch) → only the clean-up is left.</item>
/// <item>CTAS <c>&lt;table&gt;__compact_&lt;id&gt;</c> with <c>external_location</c> = the target, selecting the partition's rows
/// (values as ExecutionParameters). Failure: the partition is untouched.</item>
/// <item>Row counts of the partition and of the copy compared. Different → failed, the partition is untouched, the copy stays
/// for inspection.</item>
/// <item><c>ALTER TABLE … PARTITION (…) SET LOCATION</c> the target: from here queries read the copy.</item>
/// <item><c>DROP TABLE</c> the CTAS table (an external table: its files — now the partition's — stay).</item>
/// </list>
/// The old files are never deleted by the orchestrator: queries that started before the switch may still read them, so
/// removing them is left to an S3 lifecycle rule or the operator (docs/maintenance.md).
/// </summary>
internal sealed class PartitionCompaction(MaintenanceRunner runner, MaintenanceTask task, DateTimeOffset fireTime)
{
    public async Task<MaintenanceOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var glue = runner.Glue;
        var table = (await glue.GetTableAsync(new GetTableRequest { DatabaseName = task.Table.Database, Name = task.Table.Table }, cancellationToken)).Table
            ?? throw new InvalidOperationException($"GetTable returned no table for {MaintenanceRunner.Qualified(task)}");
        var keys = (table.PartitionKeys ?? []).Select(k => k.Name ?? "").ToList();
        if (keys.Count == 0 || keys.Count != task.Partition.Count || keys.Any(k => !task.Partition.ContainsKey(k)))
        {
            return MaintenanceOutcome.Failed($"Partition must give a value for exactly the partition keys of {MaintenanceRunner.Qualified(task)} " +
                                             $"({string.Join(", ", keys)}); configured: {string.Join(", ", task.Partition.Keys)}");
        }

        // The copy is written in the table's own format, since the partition keeps the table's SerDe when it moves.
        string serde = table.StorageDescriptor?.SerdeInfo?.SerializationLibrary ?? "";
        string? format = serde.Contains("parquet", StringComparison.OrdinalIgnoreCase) ? "PARQUET"
            : serde.Contains("orc", StringComparison.OrdinalIgnoreCase) ? "ORC" : null;
        if (format is null)
        {
            return MaintenanceOutcome.Failed($"Compact rewrites Parquet or ORC tables; {MaintenanceRunner.Qualified(task)} uses {(serde.Length == 0 ? "no SerDe" : serde)}");
        }

        var local = task.LocalFireTime(fireTime);
        var values = keys.Select(k => task.Partition[k].Evaluate(local)).ToList();
        string spec = string.Join(", ", keys.Select((k, i) => $"{k}={values[i].ToPartitionValue()}"));
        var partitions = await glue.BatchGetPartitionAsync(new BatchGetPartitionRequest
        {
            DatabaseName = task.Table.Database,
            TableName = task.Table.Table,
            PartitionsToGet = [new PartitionValueList { Values = [.. values.Select(v => v.ToPartitionValue())] }],
        }, cancellationToken);
        string? current = partitions.Partitions?.FirstOrDefault()?.StorageDescriptor?.Location;
        if (current is null)
        {
            return MaintenanceOutcome.Skipped($"partition ({spec}) of {MaintenanceRunner.Qualified(task)} is not registered; nothing to compact");
        }

        string token = MaintenanceTokens.For(task.Dataset, task.Name, fireTime);
        string root = (table.StorageDescriptor?.Location ?? throw new InvalidOperationException($"{MaintenanceRunner.Qualified(task)} has no location")).TrimEnd('/');
        string folder = string.Join('/', keys.Select((k, i) => $"{k}={Uri.EscapeDataString(values[i].ToPartitionValue())}"));
        // Beside the table location, not under it: nothing that lists the table (MSCK REPAIR, crawlers) ever sees the copies.
        string target = $"{root}__compacted/{folder}/{token[6..22]}/";
        string temp = $"{task.Table.Table}__compact_{token[6..18]}";
        string tempQualified = $"{task.Table.Database}.{temp}";

        if (!SameLocation(current, target))
        {
            if (!await TableExistsAsync(glue, task.Table.Database, temp, cancellationToken))
            {
                var columns = (table.StorageDescriptor?.Columns ?? []).Select(c => Identifier(c.Name ?? "")).ToList();
                string where = string.Join(" AND ", keys.Select(k => $"{Identifier(k)} = ?"));
                await runner.RunStatementAsync(task, fireTime,
                    $"CREATE TABLE {tempQualified} WITH (format = '{format}', external_location = {SqlValue.Quote(target)}) AS " +
                    $"SELECT {string.Join(", ", columns)} FROM {MaintenanceRunner.Qualified(task)} WHERE {where}",
                    [.. values.Select(v => v.ToSqlLiteral())], isDdl: false, "ctas", cancellationToken);
            }

            long source = await CountAsync($"SELECT count(*) FROM {MaintenanceRunner.Qualified(task)} WHERE {string.Join(" AND ", keys.Select(k => $"{Identifier(k)} = ?"))}",
                [.. values.Select(v => v.ToSqlLiteral())], "count-source", cancellationToken);
            long copy = await CountAsync($"SELECT count(*) FROM {tempQualified}", [], "count-copy", cancellationToken);
            if (source != copy)
            {
                return MaintenanceOutcome.Failed($"the copy of partition ({spec}) has {copy} rows, the partition {source}: the partition still points at " +
                                                 $"{current}; the copy is left in {tempQualified} at {target} for inspection");
            }

            string partitionSpec = string.Join(", ", keys.Select((k, i) => $"{Identifier(k)} = {values[i].ToPartitionLiteral()}"));
            await runner.RunStatementAsync(task, fireTime,
                $"ALTER TABLE {MaintenanceRunner.Qualified(task)} PARTITION ({partitionSpec}) SET LOCATION {SqlValue.Quote(target)}",
                [], isDdl: true, "set-location", cancellationToken);
        }

        await runner.RunStatementAsync(task, fireTime, $"DROP TABLE IF EXISTS {tempQualified}", [], isDdl: true, "drop-temp", cancellationToken);
        return MaintenanceOutcome.Succeeded($"partition ({spec}) now at {target} (was {current}; the old files are left in place)");
    }

    private async Task<long> CountAsync(string sql, IReadOnlyList<string> parameters, string step, CancellationToken cancellationToken)
    {
        var outcome = await runner.RunStatementAsync(task, fireTime, sql, parameters, isDdl: false, step, cancellationToken);
        var rows = await runner.ReadRowsAsync(outcome.QueryExecutionId, cancellationToken);
        return rows.Count > 0 && rows[0].Count > 0 && long.TryParse(rows[0][0], NumberStyles.Integer, CultureInfo.InvariantCulture, out long n)
            ? n
            : throw new InvalidOperationException($"count query {outcome.QueryExecutionId} returned no number");
    }

    private static async Task<bool> TableExistsAsync(IAmazonGlue glue, string database, string table, CancellationToken cancellationToken)
    {
        try
        {
            await glue.GetTableAsync(new GetTableRequest { DatabaseName = database, Name = table }, cancellationToken);
            return true;
        }
        catch (EntityNotFoundException)
        {
            return false;
        }
    }

    private static bool SameLocation(string a, string b) => string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.Ordinal);

    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
