using System.Net;

namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>The job, run, database, table or crawler does not exist.</summary>
public sealed class EntityNotFoundException : AmazonGlueException
{
    /// <summary>Creates the exception with no error details.</summary>
    public EntityNotFoundException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public EntityNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public EntityNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from an error response.</summary>
    public EntityNotFoundException(string message, string errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, errorCode, requestId, statusCode)
    {
    }
}
