using Orchestrator.Jobs.Aws;
using Orchestrator.Jobs.Aws.Glue;
using Orchestrator.Jobs.Aws.Glue.Model;

namespace Orchestrator.Jobs.Catalog;

/// <summary>
/// BatchCreatePartition: at most 100 partitions per call (the API's limit), the table's StorageDescriptor with the partition's
/// own location, an item that already exists counts as done, and only the failed items are sent again (three attempts).
/// </summary>
public sealed class GlueApiPartitionStrategy(IAmazonGlue glue) : IPartitionStrategy
{
    /// <summary>BatchCreatePartition's limit on PartitionInputList.</summary>
    public const int BatchLimit = 100;

    private const int Attempts = 3;

    /// <inheritdoc />
    public PartitionRegistration Kind => PartitionRegistration.GlueApi;

    /// <inheritdoc />
    public async Task<bool> RegisterAsync(DescribedTable table, string dataset, IReadOnlyList<PartitionRegistrar.Target> partitions,
        RegistrationCounter counter,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(partitions);
        ArgumentNullException.ThrowIfNull(counter);
        string location = table.RequireLocation();
        foreach (var chunk in partitions.Chunk(BatchLimit))
        {
            await RegisterChunkAsync(table, location, chunk, counter, cancellationToken);
        }

        return true;
    }

    private async Task RegisterChunkAsync(DescribedTable table, string location, PartitionRegistrar.Target[] chunk, RegistrationCounter counter,
        CancellationToken cancellationToken)
    {
        var pending = chunk.ToList();
        for (int attempt = 1; ; attempt++)
        {
            counter.Calls++;
            var response = await glue.BatchCreatePartitionAsync(new BatchCreatePartitionRequest
            {
                DatabaseName = table.Table.Database,
                TableName = table.Table.Table,
                PartitionInputList = pending.Select(p => new PartitionInput
                {
                    Values = [.. p.Values],
                    StorageDescriptor = WithLocation(table.Storage!, PartitionPath.Combine(location, p.Folder)),
                }).ToList(),
            }, cancellationToken);

            var errors = response.Errors ?? [];
            var failed = errors
                .Where(e => e.ErrorDetail?.ErrorCode is not "AlreadyExistsException")
                .Select(e => string.Join('/', e.PartitionValues ?? []))
                .ToHashSet(StringComparer.Ordinal);

            // Only partitions that did not exist before count as added; AlreadyExists is success, not news.
            counter.Added += Math.Max(0, pending.Count - errors.Count);
            if (failed.Count == 0)
            {
                return;
            }

            var firstError = errors.First(e => e.ErrorDetail?.ErrorCode is not "AlreadyExistsException").ErrorDetail;
            if (attempt == Attempts)
            {
                throw new AwsServiceException(
                    $"BatchCreatePartition on {table.Table} failed for {failed.Count} partitions after {Attempts} attempts: " +
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
}
