using System.Net;

namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>An account quota is reached (jobs, partitions, concurrent runs per account): not retried.</summary>
public sealed class ResourceNumberLimitExceededException : AmazonGlueException
{
    /// <summary>Creates the exception with no error details.</summary>
    public ResourceNumberLimitExceededException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ResourceNumberLimitExceededException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ResourceNumberLimitExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from an error response.</summary>
    public ResourceNumberLimitExceededException(string message, string errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, errorCode, requestId, statusCode)
    {
    }
}
