using System.Net;

namespace Orchestrator.Jobs.Aws;

/// <summary>
/// Which errors a retry can fix. The throttling codes are the ones the AWS SDKs' standard retry mode treats as throttling;
/// 5xx and 429 are transient by definition. Everything else (validation, not found, already exists, access denied,
/// <c>ConcurrentRunsExceededException</c>) needs a different request or a decision by the caller.
/// </summary>
internal static class AwsErrorClassifier
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling",
        "ThrottlingException",
        "ThrottledException",
        "RequestThrottledException",
        "TooManyRequestsException",
        "ProvisionedThroughputExceededException",
        "TransactionInProgressException",
        "RequestLimitExceeded",
        "BandwidthLimitExceeded",
        "LimitExceededException",
        "RequestThrottled",
        "SlowDown",
        "PriorRequestNotComplete",
        "EC2ThrottledException",
    };

    // Transient server-side failures that come back as 4xx: Glue's OperationTimeoutException is HTTP 400.
    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "OperationTimeoutException",
        "RequestTimeout",
        "RequestTimeoutException",
        "InternalServiceException",
        "InternalServerException",
        "InternalFailure",
        "ServiceUnavailable",
    };

    public static bool IsThrottling(string errorCode, HttpStatusCode statusCode) =>
        ThrottlingCodes.Contains(errorCode) || statusCode == HttpStatusCode.TooManyRequests;

    public static bool IsRetryable(string errorCode, HttpStatusCode statusCode) =>
        IsThrottling(errorCode, statusCode) || TransientCodes.Contains(errorCode) || (int)statusCode >= 500;
}
