using Microsoft.Extensions.Logging;
using Orchestrator.Jobs.Aws.Glue;
using Orchestrator.Jobs.Aws.Glue.Model;

namespace Orchestrator.Jobs.Catalog;

/// <summary>
/// StartCrawler on the table's configured crawler. A crawler that is already running is already doing the work, so
/// CrawlerRunningException is success. The crawl finishes later, so the partitions are not remembered as known: the next
/// batch with new partitions starts the crawler again.
/// </summary>
public sealed partial class CrawlerPartitionStrategy(IAmazonGlue glue, ILogger<CrawlerPartitionStrategy> logger) : IPartitionStrategy
{
    /// <inheritdoc />
    public PartitionRegistration Kind => PartitionRegistration.Crawler;

    /// <inheritdoc />
    public async Task<bool> RegisterAsync(DescribedTable table, string dataset, IReadOnlyList<PartitionRegistrar.Target> partitions,
        RegistrationCounter counter,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(partitions);
        ArgumentNullException.ThrowIfNull(counter);
        string crawler = table.Table.Crawler
            ?? throw new InvalidOperationException($"Table {table.Table} registers partitions with a crawler but names none.");
        counter.Calls++;
        try
        {
            await glue.StartCrawlerAsync(new StartCrawlerRequest { Name = crawler }, cancellationToken);
            LogStarted(logger, crawler, table.Table.ToString(), partitions.Count);
        }
        catch (CrawlerRunningException)
        {
            LogAlreadyRunning(logger, crawler, table.Table.ToString(), partitions.Count);
        }

        return false;
    }

    [LoggerMessage(LogLevel.Information, "Crawler {Crawler} started for {Count} new partitions of {Table}")]
    private static partial void LogStarted(ILogger logger, string crawler, string table, int count);

    [LoggerMessage(LogLevel.Information, "Crawler {Crawler} is already running: it will find the {Count} new partitions of {Table}")]
    private static partial void LogAlreadyRunning(ILogger logger, string crawler, string table, int count);
}
