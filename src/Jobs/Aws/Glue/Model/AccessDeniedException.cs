using System.Net;

namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>The caller's role may not perform the operation: a permissions change, not a retry.</summary>
public sealed class AccessDeniedException : AmazonGlueException
{
    /// <summary>Creates the exception with no error details.</summary>
    public AccessDeniedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public AccessDeniedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public AccessDeniedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from an error response.</summary>
    public AccessDeniedException(string message, string errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, errorCode, requestId, statusCode)
    {
    }
}
