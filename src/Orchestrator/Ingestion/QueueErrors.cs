using Amazon.Runtime;
using Amazon.SQS.Model;

namespace Orchestrator.Ingestion;

/// <summary>
/// Sorts SQS failures into those a retry can fix and those it cannot. A missing queue, denied access or bad credentials
/// stop the worker with one clear message: looping on them would only hide the problem from the operator.
/// </summary>
internal static class QueueErrors
{
    private static readonly HashSet<string> FatalCodes = new(StringComparer.Ordinal)
    {
        "AWS.SimpleQueueService.NonExistentQueue", "QueueDoesNotExist", "AccessDenied", "AccessDeniedException",
        "InvalidClientTokenId", "UnrecognizedClientException", "SignatureDoesNotMatch", "InvalidSecurity",
        "IncompleteSignature", "MissingAuthenticationToken", "ExpiredToken", "KMS.AccessDeniedException", "KMS.DisabledException",
    };

    /// <summary>The reason the error is fatal, or null when a retry may help.</summary>
    public static string? FatalReason(Exception exception) => exception switch
    {
        QueueDoesNotExistException => "the queue does not exist",
        AmazonServiceException { ErrorCode: { } code } when FatalCodes.Contains(code) => $"{code}: {exception.Message}",
        AmazonClientException { InnerException: null } when exception is not AmazonServiceException
            && exception.Message.Contains("credential", StringComparison.OrdinalIgnoreCase) => "no AWS credentials: " + exception.Message,
        _ => null,
    };
}
