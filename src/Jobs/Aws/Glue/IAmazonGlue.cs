using Orchestrator.Jobs.Aws.Glue.Model;

namespace Orchestrator.Jobs.Aws.Glue;

/// <summary>
/// The Glue operations the orchestrator uses, with the names, request and response types of the official SDK's
/// <c>Amazon.Glue.IAmazonGlue</c>, so that switching to <c>AWSSDK.Glue</c> is a change of namespaces. Errors are thrown as
/// <see cref="AmazonGlueException"/> subclasses after the client's retries.
/// </summary>
public interface IAmazonGlue : IDisposable
{
    /// <summary>
    /// Gets a job definition (<c>AWSGlue.GetJob</c>).
    /// </summary>
    Task<GetJobResponse> GetJobAsync(GetJobRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts a job run (<c>AWSGlue.StartJobRun</c>). Not idempotent: after a 5xx, a timeout or a dropped connection it is not
    /// retried, because the run may have started; look for it with GetJobRuns. Throttling is retried.
    /// </summary>
    Task<StartJobRunResponse> StartJobRunAsync(StartJobRunRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets one run of a job (<c>AWSGlue.GetJobRun</c>).
    /// </summary>
    Task<GetJobRunResponse> GetJobRunAsync(GetJobRunRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets one page of a job's runs, newest first (<c>AWSGlue.GetJobRuns</c>); see <see cref="AmazonGluePaging"/> for all pages.
    /// </summary>
    Task<GetJobRunsResponse> GetJobRunsAsync(GetJobRunsRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stops runs of a job (<c>AWSGlue.BatchStopJobRun</c>); per-run failures are in the response, not thrown.
    /// </summary>
    Task<BatchStopJobRunResponse> BatchStopJobRunAsync(BatchStopJobRunRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets a job's bookmark (<c>AWSGlue.GetJobBookmark</c>).
    /// </summary>
    Task<GetJobBookmarkResponse> GetJobBookmarkAsync(GetJobBookmarkRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Resets a job's bookmark so its next run processes everything again (<c>AWSGlue.ResetJobBookmark</c>).
    /// </summary>
    Task<ResetJobBookmarkResponse> ResetJobBookmarkAsync(ResetJobBookmarkRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets a catalog database (<c>AWSGlue.GetDatabase</c>).
    /// </summary>
    Task<GetDatabaseResponse> GetDatabaseAsync(GetDatabaseRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets a catalog table (<c>AWSGlue.GetTable</c>).
    /// </summary>
    Task<GetTableResponse> GetTableAsync(GetTableRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets a table's managed optimizer of one type (<c>AWSGlue.GetTableOptimizer</c>); EntityNotFoundException when the table
    /// has none of that type.
    /// </summary>
    Task<GetTableOptimizerResponse> GetTableOptimizerAsync(GetTableOptimizerRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets one page of a table's partitions, optionally filtered by <c>Expression</c> (<c>AWSGlue.GetPartitions</c>); see <see
    /// cref="AmazonGluePaging"/> for all pages.
    /// </summary>
    Task<GetPartitionsResponse> GetPartitionsAsync(GetPartitionsRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets up to 1000 partitions by their values (<c>AWSGlue.BatchGetPartition</c>).
    /// </summary>
    Task<BatchGetPartitionResponse> BatchGetPartitionAsync(BatchGetPartitionRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates up to 100 partitions (<c>AWSGlue.BatchCreatePartition</c>); per-partition failures such as
    /// <c>AlreadyExistsException</c> are in the response's Errors, not thrown. Retried: a repeated create reports AlreadyExists,
    /// which callers treat as success.
    /// </summary>
    Task<BatchCreatePartitionResponse> BatchCreatePartitionAsync(
        BatchCreatePartitionRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts a crawler (<c>AWSGlue.StartCrawler</c>); <c>CrawlerRunningException</c> if it already runs. Retried only on
    /// throttling.
    /// </summary>
    Task<StartCrawlerResponse> StartCrawlerAsync(StartCrawlerRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets a crawler and its state (<c>AWSGlue.GetCrawler</c>).
    /// </summary>
    Task<GetCrawlerResponse> GetCrawlerAsync(GetCrawlerRequest request, CancellationToken cancellationToken = default);
}
