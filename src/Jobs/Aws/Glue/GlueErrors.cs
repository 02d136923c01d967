using Orchestrator.Jobs.Aws.Glue.Model;

namespace Orchestrator.Jobs.Aws.Glue;

/// <summary>Glue error codes (the model's error shapes) to exception types; unknown codes keep their code on the base type.</summary>
internal static class GlueErrors
{
    public static AwsServiceException Create(AwsErrorResponse e) => e.Code switch
    {
        "AccessDeniedException" => new AccessDeniedException(e.Message, e.Code, e.RequestId, e.StatusCode),
        "AlreadyExistsException" => new AlreadyExistsException(e.Message, e.Code, e.RequestId, e.StatusCode),
        "ConcurrentRunsExceededException" => new ConcurrentRunsExceededException(e.Message, e.Code, e.RequestId, e.StatusCode),
        "CrawlerRunningException" => new CrawlerRunningException(e.Message, e.Code, e.RequestId, e.StatusCode),
        "EntityNotFoundException" => new EntityNotFoundException(e.Message, e.Code, e.RequestId, e.StatusCode),
        "InternalServiceException" => new InternalServiceException(e.Message, e.Code, e.RequestId, e.StatusCode),
        "InvalidInputException" => new InvalidInputException(e.Message, e.Code, e.RequestId, e.StatusCode),
        "OperationTimeoutException" => new OperationTimeoutException(e.Message, e.Code, e.RequestId, e.StatusCode),
        "ResourceNumberLimitExceededException" => new ResourceNumberLimitExceededException(e.Message, e.Code, e.RequestId, e.StatusCode),
        "ThrottlingException" => new ThrottlingException(e.Message, e.Code, e.RequestId, e.StatusCode),
        _ => new AmazonGlueException(e.Message, e.Code, e.RequestId, e.StatusCode),
    };
}
