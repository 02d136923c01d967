using System.Runtime.CompilerServices;
using Orchestrator.Jobs.Aws.Athena.Model;

namespace Orchestrator.Jobs.Aws.Athena;

/// <summary>
/// Every page of a query's results as one stream (the SDK offers the same through <c>client.Paginators</c>). Pages, not rows:
/// the column metadata comes with each page, and for SELECT the first row of the first page is the header.
/// The request's <c>NextToken</c> is advanced in place, as the SDK's paginators do.
/// </summary>
public static class AmazonAthenaPaging
{
    /// <summary>All result pages of a finished query, fetched as the caller reads.</summary>
    public static async IAsyncEnumerable<GetQueryResultsResponse> GetAllQueryResultsAsync(
        this IAmazonAthena athena, GetQueryResultsRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(athena);
        ArgumentNullException.ThrowIfNull(request);
        var tokens = new PageTokens();
        do
        {
            var page = await athena.GetQueryResultsAsync(request, cancellationToken);
            yield return page;
            request.NextToken = tokens.Next(page.NextToken);
        }
        while (request.NextToken is not null);
    }
}
