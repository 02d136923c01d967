using System.Net;

namespace Orchestrator.Jobs.Aws.Athena.Model;

/// <summary>Athena failed internally (HTTP 500): retried.</summary>
public sealed class InternalServerException : AmazonAthenaException
{
    /// <summary>Creates the exception with no error details.</summary>
    public InternalServerException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public InternalServerException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public InternalServerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from an error response.</summary>
    public InternalServerException(string message, string errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, errorCode, requestId, statusCode)
    {
    }
}
