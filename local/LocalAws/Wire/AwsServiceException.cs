using System.Net;

namespace LocalAws.Wire;

/// <summary>
/// An error the emulator returns the way AWS does for JSON 1.1: the status code plus <c>{"__type": ErrorCode, "message": …}</c>.
/// </summary>
internal sealed class AwsServiceException : Exception
{
    public AwsServiceException(string errorCode, string message, HttpStatusCode statusCode = HttpStatusCode.BadRequest)
        : base(message)
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
    }

    public AwsServiceException()
        : this("InternalFailure", "Internal failure")
    {
    }

    public AwsServiceException(string message)
        : this("InternalFailure", message)
    {
    }

    public AwsServiceException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorCode = "InternalFailure";
        StatusCode = HttpStatusCode.InternalServerError;
    }

    public string ErrorCode { get; }

    public HttpStatusCode StatusCode { get; }

    /// <summary>Extra top-level members some errors carry (Athena's <c>AthenaErrorCode</c>, for one).</summary>
    public IReadOnlyDictionary<string, string>? ExtraMembers { get; init; }
}
