using System.Net;

namespace Orchestrator.Jobs.Aws.Athena.Model;

/// <summary>The named resource does not exist.</summary>
public sealed class ResourceNotFoundException : AmazonAthenaException
{
    /// <summary>Creates the exception with no error details.</summary>
    public ResourceNotFoundException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ResourceNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ResourceNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from an error response.</summary>
    public ResourceNotFoundException(string message, string errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, errorCode, requestId, statusCode)
    {
    }
}
