using System.Net;

namespace Orchestrator.Jobs.Aws.Athena;

/// <summary>
/// An error from Amazon Athena, named like the SDK's; the specific errors derive from it (in <c>.Model</c>), and an error code this
/// client does not know is thrown as this type with its code in <see cref="AwsServiceException.ErrorCode"/>.
/// </summary>
public class AmazonAthenaException : AwsServiceException
{
    /// <summary>Creates the exception with no error details.</summary>
    public AmazonAthenaException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public AmazonAthenaException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public AmazonAthenaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from an error response.</summary>
    public AmazonAthenaException(string message, string errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, errorCode, requestId, statusCode)
    {
    }
}
