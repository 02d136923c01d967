using System.Net;

namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>The request rate is too high: retried with backoff.</summary>
public sealed class ThrottlingException : AmazonGlueException
{
    /// <summary>Creates the exception with no error details.</summary>
    public ThrottlingException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ThrottlingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ThrottlingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from an error response.</summary>
    public ThrottlingException(string message, string errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, errorCode, requestId, statusCode)
    {
    }
}
