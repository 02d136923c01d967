using Orchestrator.Jobs.Aws.Glue.Model;

namespace Orchestrator.Jobs.Aws.Glue;

/// <summary>The Glue JSON 1.1 API (<c>X-Amz-Target: AWSGlue.&lt;Operation&gt;</c>) over a signed <see cref="HttpClient"/>.</summary>
internal sealed class GlueClient(AwsJsonClient client) : IAmazonGlue
{
    public static readonly AwsServiceDescriptor Descriptor = new("Glue", "glue", "AWSGlue", GlueErrors.Create);

    private static GlueJsonContext Json => GlueJsonContext.Default;

    public Task<GetJobResponse> GetJobAsync(
        GetJobRequest request, CancellationToken cancellationToken = default) =>
        client.InvokeAsync(
            "GetJob", request, Json.GetJobRequest, Json.GetJobResponse, idempotent: true, cancellationToken);

    public Task<StartJobRunResponse> StartJobRunAsync(
        StartJobRunRequest request, CancellationToken cancellationToken = default) =>
        client.InvokeAsync(
            "StartJobRun", request, Json.StartJobRunRequest, Json.StartJobRunResponse, idempotent: false, cancellationToken);

    public Task<GetJobRunResponse> GetJobRunAsync(
        GetJobRunRequest request, CancellationToken cancellationToken = default) =>
        client.InvokeAsync(
            "GetJobRun", request, Json.GetJobRunRequest, Json.GetJobRunResponse, idempotent: true, cancellationToken);

    public Task<GetJobRunsResponse> GetJobRunsAsync(
        GetJobRunsRequest request, CancellationToken cancellationToken = default) =>
        client.InvokeAsync(
            "GetJobRuns", request, Json.GetJobRunsRequest, Json.GetJobRunsResponse, idempotent: true, cancellationToken);

    public Task<BatchStopJobRunResponse> BatchStopJobRunAsync(
        BatchStopJobRunRequest request, CancellationToken cancellationToken = default) =>
        client.InvokeAsync(
            "BatchStopJobRun", request, Json.BatchStopJobRunRequest, Json.BatchStopJobRunResponse, idempotent: true, cancellationToken);

    public Task<GetJobBookmarkResponse> GetJobBookmarkAsync(
        GetJobBookmarkRequest request, CancellationToken cancellationToken = default) =>
        client.InvokeAsync(
            "GetJobBookmark", request, Json.GetJobBookmarkRequest, Json.GetJobBookmarkResponse, idempotent: true, cancellationToken);

    public Task<ResetJobBookmarkResponse> ResetJobBookmarkAsync(
        ResetJobBookmarkRequest request, CancellationToken cancellationToken = default) =>
        client.InvokeAsync(
            "ResetJobBookmark", request, Json.ResetJobBookmarkRequest, Json.ResetJobBookmarkResponse, idempotent: true, cancellationToken);

    public Task<GetDatabaseResponse> GetDatabaseAsync(
        GetDatabaseRequest request, CancellationToken cancellationToken = default) =>
        client.InvokeAsync(
            "GetDatabase", request, Json.GetDatabaseRequest, Json.GetDatabaseResponse, idempotent: true, cancellationToken);

    public Task<GetTableResponse> GetTableAsync(
        GetTableRequest request, CancellationToken cancellationToken = default) =>
        client.InvokeAsync(
            "GetTable", request, Json.GetTableRequest, Json.GetTableResponse, idempotent: true, cancellationToken);

    public Task<GetTableOptimizerResponse> GetTableOptimizerAsync(
        GetTableOptimizerRequest request, CancellationToken cancellationToken = default) =>
        client.InvokeAsync(
            "GetTableOptimizer", request, Json.GetTableOptimizerRequest, Json.GetTableOptimizerResponse, idempotent: true, cancellationToken);

    public Task<GetPartitionsResponse> GetPartitionsAsync(
        GetPartitionsRequest request, CancellationToken cancellationToken = default) =>
        client.InvokeAsync(
            "GetPartitions", request, Json.GetPartitionsRequest, Json.GetPartitionsResponse, idempotent: true, cancellationToken);

    public Task<BatchGetPartitionResponse> BatchGetPartitionAsync(
        BatchGetPartitionRequest request, CancellationToken cancellationToken = default) =>
        client.InvokeAsync(
            "BatchGetPartition", request, Json.BatchGetPartitionRequest, Json.BatchGetPartitionResponse,
            idempotent: true, cancellationToken);

    public Task<BatchCreatePartitionResponse> BatchCreatePartitionAsync(
        BatchCreatePartitionRequest request, CancellationToken cancellationToken = default) =>
        client.InvokeAsync(
            "BatchCreatePartition", request, Json.BatchCreatePartitionRequest, Json.BatchCreatePartitionResponse,
            idempotent: true, cancellationToken);

    public Task<StartCrawlerResponse> StartCrawlerAsync(
        StartCrawlerRequest request, CancellationToken cancellationToken = default) =>
        client.InvokeAsync(
            "StartCrawler", request, Json.StartCrawlerRequest, Json.StartCrawlerResponse, idempotent: false, cancellationToken);

    public Task<GetCrawlerResponse> GetCrawlerAsync(
        GetCrawlerRequest request, CancellationToken cancellationToken = default) =>
        client.InvokeAsync(
            "GetCrawler", request, Json.GetCrawlerRequest, Json.GetCrawlerResponse, idempotent: true, cancellationToken);

    public void Dispose() => client.Dispose();
}
