using System.Net;

namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>The crawler is already running.</summary>
public sealed class CrawlerRunningException : AmazonGlueException
{
    /// <summary>Creates the exception with no error details.</summary>
    public CrawlerRunningException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CrawlerRunningException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public CrawlerRunningException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from an error response.</summary>
    public CrawlerRunningException(string message, string errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, errorCode, requestId, statusCode)
    {
    }
}
