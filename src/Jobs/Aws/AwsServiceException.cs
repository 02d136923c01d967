using System.Net;

namespace Orchestrator.Jobs.Aws;

/// <summary>
/// An error response from an AWS service, like the SDK's <c>AmazonServiceException</c>: the error code (the exception name
/// without namespace, e.g. <c>EntityNotFoundException</c>), the message, the request id and the HTTP status.
/// <see cref="IsRetryable"/> says whether the same call may succeed later (throttling, 5xx); the client has already
/// retried those within its limits when this is thrown.
/// </summary>
public class AwsServiceException : Exception
{
    /// <summary>Creates an exception with no error details.</summary>
    public AwsServiceException()
    {
    }

    /// <summary>Creates an exception with a message and no error details.</summary>
    public AwsServiceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message, a cause and no error details.</summary>
    public AwsServiceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception from an error response.</summary>
    /// <param name="message">The service's message.</param>
    /// <param name="errorCode">The error code, without namespace.</param>
    /// <param name="requestId">The <c>x-amzn-RequestId</c> of the response.</param>
    /// <param name="statusCode">The HTTP status of the response.</param>
    public AwsServiceException(string message, string errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(errorCode);
        ErrorCode = errorCode;
        RequestId = requestId;
        StatusCode = statusCode;
        IsRetryable = AwsErrorClassifier.IsRetryable(errorCode, statusCode);
    }

    /// <summary>The error code, e.g. <c>ConcurrentRunsExceededException</c>; empty when the exception was not built from a response.</summary>
    public string ErrorCode { get; } = string.Empty;

    /// <summary>The <c>x-amzn-RequestId</c> of the response, to quote to AWS support.</summary>
    public string? RequestId { get; }

    /// <summary>The HTTP status of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Whether the same call may succeed later: throttling, HTTP 429 and 5xx. Never for validation, not-found,
    /// already-exists, access-denied or concurrency-limit errors.</summary>
    public bool IsRetryable { get; }

    /// <summary>Whether the service refused the call for its rate: it was not carried out, so repeating it is always safe.</summary>
    public bool IsThrottling => AwsErrorClassifier.IsThrottling(ErrorCode, StatusCode);
}
