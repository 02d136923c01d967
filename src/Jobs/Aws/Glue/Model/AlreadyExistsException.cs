using System.Net;

namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>The resource (database, table, partition) already exists.</summary>
public sealed class AlreadyExistsException : AmazonGlueException
{
    /// <summary>Creates the exception with no error details.</summary>
    public AlreadyExistsException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public AlreadyExistsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public AlreadyExistsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from an error response.</summary>
    public AlreadyExistsException(string message, string errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, errorCode, requestId, statusCode)
    {
    }
}
