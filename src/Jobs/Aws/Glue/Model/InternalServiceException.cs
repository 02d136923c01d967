using System.Net;

namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>Glue failed internally (HTTP 500): retried.</summary>
public sealed class InternalServiceException : AmazonGlueException
{
    /// <summary>Creates the exception with no error details.</summary>
    public InternalServiceException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public InternalServiceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public InternalServiceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from an error response.</summary>
    public InternalServiceException(string message, string errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, errorCode, requestId, statusCode)
    {
    }
}
