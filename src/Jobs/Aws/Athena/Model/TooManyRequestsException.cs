using System.Net;

namespace Orchestrator.Jobs.Aws.Athena.Model;

/// <summary>The request rate or the concurrent-query limit is exceeded: retried with backoff.</summary>
public sealed class TooManyRequestsException : AmazonAthenaException
{
    /// <summary>Creates the exception with no error details.</summary>
    public TooManyRequestsException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public TooManyRequestsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public TooManyRequestsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from an error response.</summary>
    public TooManyRequestsException(string message, string errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, errorCode, requestId, statusCode)
    {
    }
}
