using Orchestrator.Jobs.Aws.Athena.Model;

namespace Orchestrator.Jobs.Aws.Athena;

/// <summary>
/// The Athena operations the orchestrator uses, with the names, request and response types of the official SDK's
/// <c>Amazon.Athena.IAmazonAthena</c>, so that switching to <c>AWSSDK.Athena</c> is a change of namespaces. Errors are thrown as
/// <see cref="AmazonAthenaException"/> subclasses after the client's retries.
/// </summary>
public interface IAmazonAthena : IDisposable
{
    /// <summary>
    /// Starts a query (<c>AmazonAthena.StartQueryExecution</c>). A missing ClientRequestToken is set on the request to a new GUID
    /// before the first attempt, so retries and the caller's own repeats are idempotent.
    /// </summary>
    Task<StartQueryExecutionResponse> StartQueryExecutionAsync(
        StartQueryExecutionRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets a query's state, statistics and result location (<c>AmazonAthena.GetQueryExecution</c>).
    /// </summary>
    Task<GetQueryExecutionResponse> GetQueryExecutionAsync(GetQueryExecutionRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets one page of a finished query's results (<c>AmazonAthena.GetQueryResults</c>); see <see cref="AmazonAthenaPaging"/> for
    /// all pages.
    /// </summary>
    Task<GetQueryResultsResponse> GetQueryResultsAsync(GetQueryResultsRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cancels a query (<c>AmazonAthena.StopQueryExecution</c>).
    /// </summary>
    Task<StopQueryExecutionResponse> StopQueryExecutionAsync(
        StopQueryExecutionRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets a workgroup and its configuration (<c>AmazonAthena.GetWorkGroup</c>).
    /// </summary>
    Task<GetWorkGroupResponse> GetWorkGroupAsync(GetWorkGroupRequest request, CancellationToken cancellationToken = default);
}
