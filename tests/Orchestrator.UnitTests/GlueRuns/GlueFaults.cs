using System.Net;
using Orchestrator.Jobs.Aws.Glue.Model;

namespace Orchestrator.UnitTests.GlueRuns;

/// <summary>Glue errors as the client throws them: built from an error response, with the code and HTTP status Glue sends.</summary>
internal static class GlueFaults
{
    public static InternalServiceException Internal() =>
        new("Internal service error", "InternalServiceException", "req-500", HttpStatusCode.InternalServerError);

    public static ConcurrentRunsExceededException ConcurrentRuns() =>
        new("Concurrent runs exceeded for job", "ConcurrentRunsExceededException", "req-crx", HttpStatusCode.BadRequest);

    public static EntityNotFoundException NotFound() =>
        new("Job nightly-etl not found", "EntityNotFoundException", "req-404", HttpStatusCode.BadRequest);

    public static AccessDeniedException AccessDenied() =>
        new("User is not authorized to perform glue:StartJobRun", "AccessDeniedException", "req-403", HttpStatusCode.Forbidden);

    public static InvalidInputException InvalidInput() =>
        new("Argument --foo is invalid", "InvalidInputException", "req-400", HttpStatusCode.BadRequest);

    // Glue reports an operation timeout as HTTP 400; the call may still have been carried out.
    public static OperationTimeoutException OperationTimeout() =>
        new("Operation timed out", "OperationTimeoutException", "req-timeout", HttpStatusCode.BadRequest);
}
