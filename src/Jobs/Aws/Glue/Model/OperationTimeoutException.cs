using System.Net;

namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>Glue timed out on the operation: transient, retried for idempotent operations.</summary>
public sealed class OperationTimeoutException : AmazonGlueException
{
    /// <summary>Creates the exception with no error details.</summary>
    public OperationTimeoutException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public OperationTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public OperationTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from an error response.</summary>
    public OperationTimeoutException(string message, string errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, errorCode, requestId, statusCode)
    {
    }
}
