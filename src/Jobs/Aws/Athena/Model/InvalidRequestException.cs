using System.Net;

namespace Orchestrator.Jobs.Aws.Athena.Model;

/// <summary>The request is invalid (bad SQL, missing output location, unknown workgroup): never retried.</summary>
public sealed class InvalidRequestException : AmazonAthenaException
{
    /// <summary>Creates the exception with no error details.</summary>
    public InvalidRequestException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public InvalidRequestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public InvalidRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from an error response.</summary>
    public InvalidRequestException(string message, string errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, errorCode, requestId, statusCode)
    {
    }
}
