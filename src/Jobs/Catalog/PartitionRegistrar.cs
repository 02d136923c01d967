using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Orchestrator.Jobs.Aws;
using Orchestrator.Jobs.Aws.Glue;
using Orchestrator.Jobs.Aws.Glue.Model;
using Orchestrator.Jobs.GlueRuns;

namespace Orchestrator.Jobs.Catalog;

/// <summary>
/// Adds partitions to a Glue table through BatchCreatePartition: at most 100 per call (the API's limit), the table's
/// StorageDescriptor with the partition's own location, an item that already exists counts as done, and only failed items
/// are tried again. Tables with partition projection need no registration and are skipped. Never MSCK REPAIR.
/// </summary>
public sealed partial class PartitionRegistrar(IAmazonGlue glue, ILogger<PartitionRegistrar> logger)
{
    private const int BatchLimit = 100;
    private const int Attempts = 3;

    /// <summary>A partition to add: its values in column order and its folder under the table's location.</summary>
    public sealed record Target(IReadOnlyList<string> Values, string Folder);

    /// <summary>Registers the partitions; returns how many are now in the catalog (added or already there).</summary>
    public async Task<int> RegisterAsync(TableRef table, string kind, IReadOnlyCollection<Target> partitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(partitions);
        if (partitions.Count == 0)
        {
            return 0;
        }

        using var activity = GlueRunTelemetry.Source.StartActivity("orchestrator.partitions.register", ActivityKind.Internal);
        activity?.SetTag("orchestrator.partitions.kind", kind);
        activity?.SetTag("orchestrator.partitions.table", table.ToString());
        activity?.SetTag("orchestrator.partitions.requested", partitions.Count);
        try
        {
            int done = await RegisterAllAsync(table, kind, partitions, cancellationToken);
            activity?.SetTag("orchestrator.partitions.registered", done);
            return done;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            activity?.SetTag("error.type", ex.GetType().Name);
            throw;
        }
    }

    private async Task<int> RegisterAllAsync(TableRef table, string kind, IReadOnlyCollection<Target> partitions, CancellationToken cancellationToken)
    {

        var described = (await glue.GetTableAsync(new GetTableRequest { DatabaseName = table.Database, Name = table.Table }, cancellationToken)).Table
            ?? throw new InvalidOperationException($"Glue returned no table for {table}.");
        GlueRunTelemetry.PartitionCalls.Add(1, new KeyValuePair<string, object?>("kind", kind));
        if (described.Parameters?.GetValueOrDefault("projection.enabled")?.Equals("true", StringComparison.OrdinalIgnoreCase) == true)
        {
            LogProjection(logger, table.ToString(), partitions.Count);
            return partitions.Count;
        }

        string location = described.StorageDescriptor?.Location
            ?? throw new InvalidOperationException($"Table {table} has no StorageDescriptor.Location; partitions cannot be placed.");
        int done = 0;
        foreach (var chunk in partitions.Chunk(BatchLimit))
        {
            done += await RegisterChunkAsync(table, kind, described.StorageDescriptor!, location, chunk, cancellationToken);
        }

        return done;
    }

    private async Task<int> RegisterChunkAsync(TableRef table, string kind, StorageDescriptor template, string location, Target[] chunk, CancellationToken cancellationToken)
    {
        var pending = chunk.ToList();
        for (int attempt = 1; ; attempt++)
        {
            var response = await glue.BatchCreatePartitionAsync(new BatchCreatePartitionRequest
            {
                DatabaseName = table.Database,
                TableName = table.Table,
                PartitionInputList = pending.Select(p => new PartitionInput
                {
                    Values = [.. p.Values],
                    StorageDescriptor = WithLocation(template, PartitionPath.Combine(location, p.Folder)),
                }).ToList(),
            }, cancellationToken);
            GlueRunTelemetry.PartitionCalls.Add(1, new KeyValuePair<string, object?>("kind", kind));

            var failed = (response.Errors ?? [])
                .Where(e => e.ErrorDetail?.ErrorCode is not "AlreadyExistsException")
                .Select(e => string.Join('/', e.PartitionValues ?? []))
                .ToHashSet(StringComparer.Ordinal);
            // Only partitions that did not exist before count as registered; AlreadyExists is success, not news.
            GlueRunTelemetry.PartitionsRegistered.Add(Math.Max(0, pending.Count - (response.Errors?.Count ?? 0)), new KeyValuePair<string, object?>("kind", kind));
            if (failed.Count == 0)
            {
                return chunk.Length;
            }

            var firstError = response.Errors!.First(e => e.ErrorDetail?.ErrorCode is not "AlreadyExistsException").ErrorDetail;
            if (attempt == Attempts)
            {
                throw new AwsServiceException(
                    $"BatchCreatePartition on {table} failed for {failed.Count} partitions after {Attempts} attempts: " +
                    $"{firstError?.ErrorCode}: {firstError?.ErrorMessage}",
                    firstError?.ErrorCode ?? "PartitionError", null, System.Net.HttpStatusCode.OK);
            }

            pending = pending.Where(p => failed.Contains(string.Join('/', p.Values))).ToList();
        }
    }

    private static StorageDescriptor WithLocation(StorageDescriptor template, string location) => new()
    {
        Columns = template.Columns,
        Location = location,
        InputFormat = template.InputFormat,
        OutputFormat = template.OutputFormat,
        Compressed = template.Compressed,
        NumberOfBuckets = template.NumberOfBuckets,
        SerdeInfo = template.SerdeInfo,
        BucketColumns = template.BucketColumns,
        SortColumns = template.SortColumns,
        Parameters = template.Parameters,
        SkewedInfo = template.SkewedInfo,
        StoredAsSubDirectories = template.StoredAsSubDirectories,
    };

    [LoggerMessage(LogLevel.Debug, "Table {Table} uses partition projection: {Count} partitions need no registration")]
    private static partial void LogProjection(ILogger logger, string table, int count);
}
