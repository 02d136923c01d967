using Orchestrator.Jobs.Aws.Athena.Model;

namespace Orchestrator.Jobs.Aws.Athena;

/// <summary>The Athena JSON 1.1 API (<c>X-Amz-Target: AmazonAthena.&lt;Operation&gt;</c>) over a signed <see cref="HttpClient"/>.</summary>
internal sealed class AthenaClient(AwsJsonClient client) : IAmazonAthena
{
    public static readonly AwsServiceDescriptor Descriptor = new("Athena", "athena", "AmazonAthena", AthenaErrors.Create);

    private static AthenaJsonContext Json => AthenaJsonContext.Default;

    public Task<StartQueryExecutionResponse> StartQueryExecutionAsync(
        StartQueryExecutionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The token goes into the body once, before the first attempt: every retry then names the same query, as in the SDK.
        request.ClientRequestToken ??= Guid.NewGuid().ToString();
        return client.InvokeAsync(
            "StartQueryExecution", request, Json.StartQueryExecutionRequest, Json.StartQueryExecutionResponse,
            idempotent: true, cancellationToken);
    }

    public Task<GetQueryExecutionResponse> GetQueryExecutionAsync(
        GetQueryExecutionRequest request, CancellationToken cancellationToken = default) =>
        client.InvokeAsync(
            "GetQueryExecution", request, Json.GetQueryExecutionRequest, Json.GetQueryExecutionResponse,
            idempotent: true, cancellationToken);

    public Task<GetQueryResultsResponse> GetQueryResultsAsync(
        GetQueryResultsRequest request, CancellationToken cancellationToken = default) =>
        client.InvokeAsync(
            "GetQueryResults", request, Json.GetQueryResultsRequest, Json.GetQueryResultsResponse, idempotent: true, cancellationToken);

    public Task<StopQueryExecutionResponse> StopQueryExecutionAsync(
        StopQueryExecutionRequest request, CancellationToken cancellationToken = default) =>
        client.InvokeAsync(
            "StopQueryExecution", request, Json.StopQueryExecutionRequest, Json.StopQueryExecutionResponse,
            idempotent: true, cancellationToken);

    public Task<GetWorkGroupResponse> GetWorkGroupAsync(
        GetWorkGroupRequest request, CancellationToken cancellationToken = default) =>
        client.InvokeAsync(
            "GetWorkGroup", request, Json.GetWorkGroupRequest, Json.GetWorkGroupResponse, idempotent: true, cancellationToken);

    public void Dispose() => client.Dispose();
}
