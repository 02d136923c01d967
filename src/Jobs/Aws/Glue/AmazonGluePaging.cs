using System.Runtime.CompilerServices;
using Orchestrator.Jobs.Aws.Glue.Model;

namespace Orchestrator.Jobs.Aws.Glue;

/// <summary>
/// Every page of the paged Glue operations as one stream (the SDK offers the same through <c>client.Paginators</c>).
/// The request's <c>NextToken</c> is advanced in place, as the SDK's paginators do.
/// </summary>
public static class AmazonGluePaging
{
    /// <summary>All runs of a job, newest first, page by page as the caller reads.</summary>
    public static async IAsyncEnumerable<JobRun> GetAllJobRunsAsync(
        this IAmazonGlue glue, GetJobRunsRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(glue);
        ArgumentNullException.ThrowIfNull(request);
        var tokens = new PageTokens();
        do
        {
            var page = await glue.GetJobRunsAsync(request, cancellationToken);
            foreach (var run in page.JobRuns ?? [])
            {
                yield return run;
            }

            request.NextToken = tokens.Next(page.NextToken);
        }
        while (request.NextToken is not null);
    }

    /// <summary>All partitions of a table that match the request's <c>Expression</c>, page by page as the caller reads.</summary>
    public static async IAsyncEnumerable<Partition> GetAllPartitionsAsync(
        this IAmazonGlue glue, GetPartitionsRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(glue);
        ArgumentNullException.ThrowIfNull(request);
        var tokens = new PageTokens();
        do
        {
            var page = await glue.GetPartitionsAsync(request, cancellationToken);
            foreach (var partition in page.Partitions ?? [])
            {
                yield return partition;
            }

            request.NextToken = tokens.Next(page.NextToken);
        }
        while (request.NextToken is not null);
    }
}
