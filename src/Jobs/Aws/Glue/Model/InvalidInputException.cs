using System.Net;

namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>The request is invalid (a validation error): never retried.</summary>
public sealed class InvalidInputException : AmazonGlueException
{
    /// <summary>Creates the exception with no error details.</summary>
    public InvalidInputException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public InvalidInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public InvalidInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from an error response.</summary>
    public InvalidInputException(string message, string errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, errorCode, requestId, statusCode)
    {
    }
}
