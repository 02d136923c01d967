using System.Net;

namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>The job already has its maximum number of concurrent runs (a bookmarked job allows one): not retried, the caller decides.</summary>
public sealed class ConcurrentRunsExceededException : AmazonGlueException
{
    /// <summary>Creates the exception with no error details.</summary>
    public ConcurrentRunsExceededException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ConcurrentRunsExceededException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ConcurrentRunsExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from an error response.</summary>
    public ConcurrentRunsExceededException(string message, string errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, errorCode, requestId, statusCode)
    {
    }
}
