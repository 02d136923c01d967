using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Orchestrator.Jobs.Aws.Glue;
using Orchestrator.Jobs.Aws.Glue.Model;
using Orchestrator.Jobs.Queries;
using Orchestrator.Jobs.Runs;
using Orchestrator.Jobs.Tracing;

namespace Orchestrator.Jobs.Maintenance;

/// <summary>
/// Runs one maintenance task for one scheduled fire time, through the one <see cref="AthenaQueryRunner"/> (workgroup, DDL cap,
/// throttling backoff, timeout, query spans and metrics). Every statement's ClientRequestToken comes from
/// <see cref="MaintenanceTokens"/>, so running the same fire time again — after a crash — reattaches instead of repeating.
/// Emits the span <c>orchestrator.maintenance</c> and the <c>orchestrator.maintenance.*</c> metrics.
/// </summary>
public sealed partial class MaintenanceRunner(AthenaQueryRunner athena, IAmazonGlue glue, ILogger<MaintenanceRunner> logger, IRunStore? runs = null)
{
    private const int RunLinks = 8;

    /// <summary>Runs the task; statement failures become a failed outcome, cancellation (shutdown) propagates.</summary>
    public async Task<MaintenanceOutcome> RunAsync(MaintenanceTask task, DateTimeOffset scheduledFireTimeUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        string kind = task.Kind.ToString().ToLowerInvariant();
        // A cron fire belongs to no run: the span is its own root and links to the dataset's latest finished runs, whose output
        // it maintains (docs/telemetry.md). Telemetry must never stop maintenance, so a store error only costs the links.
        var links = await LinksAsync(task.Dataset, cancellationToken);
        using var activity = MaintenanceTelemetry.Source.StartActivity(
            "orchestrator.maintenance " + kind, ActivityKind.Internal, parentContext: default, links: links);
        activity?.SetTag("orchestrator.dataset", task.Dataset);
        activity?.SetTag("orchestrator.maintenance.task", task.Name);
        activity?.SetTag("orchestrator.maintenance.kind", kind);
        activity?.SetTag("orchestrator.maintenance.table", $"{task.Table.Database}.{task.Table.Table}");
        activity?.SetTag("orchestrator.maintenance.fire_time", scheduledFireTimeUtc.ToString("O", CultureInfo.InvariantCulture));
        activity?.SetTag("orchestrator.maintenance.token", MaintenanceTokens.For(task.Dataset, task.Name, scheduledFireTimeUtc));

        MaintenanceOutcome outcome;
        try
        {
            outcome = task.Kind switch
            {
                MaintenanceKind.Sql => await SqlAsync(task, scheduledFireTimeUtc, cancellationToken),
                MaintenanceKind.Check => await CheckAsync(task, scheduledFireTimeUtc, cancellationToken),
                MaintenanceKind.Optimize or MaintenanceKind.Vacuum => await IcebergAsync(task, scheduledFireTimeUtc, cancellationToken),
                MaintenanceKind.Msck => await StatementAsync(task, scheduledFireTimeUtc, $"MSCK REPAIR TABLE {Qualified(task)}", [], isDdl: true, "", cancellationToken),
                _ => await new PartitionCompaction(this, task, scheduledFireTimeUtc).RunAsync(cancellationToken),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            outcome = MaintenanceOutcome.Failed(ex is AthenaQueryFailedException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}");
        }

        activity?.SetTag("orchestrator.maintenance.outcome", outcome.Outcome);
        MaintenanceTelemetry.Runs.Add(1,
            new KeyValuePair<string, object?>("dataset", task.Dataset),
            new KeyValuePair<string, object?>("task", task.Name),
            new KeyValuePair<string, object?>("kind", kind),
            new KeyValuePair<string, object?>("outcome", outcome.Outcome));
        switch (outcome.Outcome)
        {
            case "failed":
                activity?.SetStatus(ActivityStatusCode.Error, outcome.Detail);
                LogFailed(logger, task.Dataset, task.Name, kind, outcome.Detail);
                break;
            case "skipped":
                LogSkipped(logger, task.Dataset, task.Name, kind, outcome.Detail);
                break;
            default:
                LogSucceeded(logger, task.Dataset, task.Name, kind, outcome.Detail);
                break;
        }

        return outcome;
    }

    internal static string Qualified(MaintenanceTask task) => $"{task.Table.Database}.{task.Table.Table}";

    /// <summary>Runs one statement of a task run with the token of (task, fire time, step); throws when it did not succeed.</summary>
    internal async Task<AthenaQueryOutcome> RunStatementAsync(MaintenanceTask task, DateTimeOffset fireTime, string sql, IReadOnlyList<string> parameters,
        bool isDdl, string step, CancellationToken cancellationToken)
    {
        var statement = new AthenaStatement(sql, task.Table.Database, task.Dataset, "maintenance." + task.Kind.ToString().ToLowerInvariant(),
            MaintenanceTokens.For(task.Dataset, task.Name, fireTime, step), parameters.Count > 0 ? parameters : null, isDdl);
        return (await athena.RunAsync(statement, cancellationToken)).EnsureSucceeded();
    }

    internal Task<IReadOnlyList<IReadOnlyList<string?>>> ReadRowsAsync(string queryExecutionId, CancellationToken cancellationToken) =>
        athena.ReadRowsAsync(queryExecutionId, cancellationToken);

    internal IAmazonGlue Glue => glue;

    internal ILogger Logger => logger;

    private async Task<MaintenanceOutcome> StatementAsync(MaintenanceTask task, DateTimeOffset fireTime, string sql, IReadOnlyList<string> parameters,
        bool isDdl, string step, CancellationToken cancellationToken)
    {
        var outcome = await RunStatementAsync(task, fireTime, sql, parameters, isDdl, step, cancellationToken);
        return MaintenanceOutcome.Succeeded($"query {outcome.QueryExecutionId}, {outcome.BytesScanned} bytes scanned");
    }

    private Task<MaintenanceOutcome> SqlAsync(MaintenanceTask task, DateTimeOffset fireTime, CancellationToken cancellationToken)
    {
        var (sql, parameters) = task.Sql!.Bind(task.Table.Database, task.Table.Table, task.Values(fireTime));
        return StatementAsync(task, fireTime, sql, parameters, IsDdl(sql), "", cancellationToken);
    }

    private async Task<MaintenanceOutcome> CheckAsync(MaintenanceTask task, DateTimeOffset fireTime, CancellationToken cancellationToken)
    {
        var (sql, parameters) = task.Sql!.Bind(task.Table.Database, task.Table.Table, task.Values(fireTime));
        var query = await RunStatementAsync(task, fireTime, sql, parameters, isDdl: false, "", cancellationToken);
        var rows = await athena.ReadRowsAsync(query.QueryExecutionId, cancellationToken);
        var (passed, value, detail) = task.Expect!.Evaluate(rows);
        var dataset = new KeyValuePair<string, object?>("dataset", task.Dataset);
        var check = new KeyValuePair<string, object?>("check", task.Name);
        MaintenanceTelemetry.Checks.Add(1, dataset, check, new KeyValuePair<string, object?>("result", passed ? "passed" : "failed"));
        if (value is { } number)
        {
            MaintenanceTelemetry.CheckValue.Record(number, dataset, check);
        }

        Activity.Current?.SetTag("orchestrator.maintenance.check_result", passed ? "passed" : "failed");
        if (!passed)
        {
            LogCheckFailed(logger, task.Name, task.Dataset, detail, query.QueryExecutionId);
            return MaintenanceOutcome.Failed($"data check failed: {detail}");
        }

        return MaintenanceOutcome.Succeeded($"data check passed: {detail}");
    }

    private async Task<MaintenanceOutcome> IcebergAsync(MaintenanceTask task, DateTimeOffset fireTime, CancellationToken cancellationToken)
    {
        var table = (await glue.GetTableAsync(new GetTableRequest { DatabaseName = task.Table.Database, Name = task.Table.Table }, cancellationToken)).Table;
        string? tableType = table?.Parameters?.GetValueOrDefault("table_type");
        if (!string.Equals(tableType, "ICEBERG", StringComparison.OrdinalIgnoreCase))
        {
            return MaintenanceOutcome.Skipped($"{Qualified(task)} is not an Iceberg table (table_type = {tableType ?? "not set"}); " +
                                              $"{task.Kind.ToString().ToUpperInvariant()} only applies to Iceberg tables");
        }

        // OPTIMIZE is what Glue's compaction optimizer does; VACUUM expires snapshots and removes orphan files.
        string[] optimizers = task.Kind == MaintenanceKind.Optimize ? ["compaction"] : ["retention", "orphan_file_deletion"];
        foreach (string type in optimizers)
        {
            if (await ManagedOptimizerEnabledAsync(task, table!.CatalogId, type, cancellationToken))
            {
                return MaintenanceOutcome.Skipped($"Glue's managed {type} optimizer is enabled for {Qualified(task)}; it does this work");
            }
        }

        string sql = task.Kind == MaintenanceKind.Optimize
            ? $"OPTIMIZE {Qualified(task)} REWRITE DATA USING BIN_PACK"
            : $"VACUUM {Qualified(task)}";
        return await StatementAsync(task, fireTime, sql, [], isDdl: false, "", cancellationToken);
    }

    private async Task<bool> ManagedOptimizerEnabledAsync(MaintenanceTask task, string? catalogId, string type, CancellationToken cancellationToken)
    {
        try
        {
            var response = await glue.GetTableOptimizerAsync(new GetTableOptimizerRequest
            {
                CatalogId = catalogId,
                DatabaseName = task.Table.Database,
                TableName = task.Table.Table,
                Type = type,
            }, cancellationToken);
            return response.TableOptimizer?.Configuration?.Enabled == true;
        }
        catch (EntityNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Athena counts CREATE (not CTAS), ALTER, DROP, MSCK, SHOW and DESCRIBE as DDL (the DDL quota).</summary>
    internal static bool IsDdl(string sql)
    {
        string text = sql.TrimStart().ToUpperInvariant();
        bool ctas = text.StartsWith("CREATE", StringComparison.Ordinal) && System.Text.RegularExpressions.Regex.IsMatch(
            text, @"\bAS\s*\(?\s*(SELECT|WITH)\b", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        return !ctas && (text.StartsWith("CREATE", StringComparison.Ordinal) || text.StartsWith("ALTER", StringComparison.Ordinal) ||
                         text.StartsWith("DROP", StringComparison.Ordinal) || text.StartsWith("MSCK", StringComparison.Ordinal) ||
                         text.StartsWith("SHOW", StringComparison.Ordinal) || text.StartsWith("DESCRIBE", StringComparison.Ordinal));
    }

    [LoggerMessage(LogLevel.Information, "Maintenance {Dataset}/{Task} ({Kind}) succeeded: {Detail}")]
    private static partial void LogSucceeded(ILogger logger, string dataset, string task, string kind, string detail);

    [LoggerMessage(LogLevel.Information, "Maintenance {Dataset}/{Task} ({Kind}) skipped: {Detail}")]
    private static partial void LogSkipped(ILogger logger, string dataset, string task, string kind, string detail);

    [LoggerMessage(LogLevel.Error, "Maintenance {Dataset}/{Task} ({Kind}) failed: {Detail}")]
    private static partial void LogFailed(ILogger logger, string dataset, string task, string kind, string detail);

    private async Task<IReadOnlyList<ActivityLink>> LinksAsync(string dataset, CancellationToken cancellationToken)
    {
        if (runs is null || !MaintenanceTelemetry.Source.HasListeners())
        {
            return [];
        }

        try
        {
            return await RunTrace.LinksToRecentRunsAsync(runs, dataset, RunLinks, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return [];
        }
    }

    [LoggerMessage(LogLevel.Error, "Data check {Check} of {Dataset} FAILED: {Detail} (query {QueryId})")]
    private static partial void LogCheckFailed(ILogger logger, string check, string dataset, string detail, string queryId);
}
