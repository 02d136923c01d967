using Orchestrator.Jobs.Aws.Athena.Model;

namespace Orchestrator.Jobs.Aws.Athena;

/// <summary>Athena error codes (the model's error shapes) to exception types; unknown codes keep their code on the base type.</summary>
internal static class AthenaErrors
{
    public static AwsServiceException Create(AwsErrorResponse e) => e.Code switch
    {
        "InternalServerException" => new InternalServerException(e.Message, e.Code, e.RequestId, e.StatusCode),
        "InvalidRequestException" => new InvalidRequestException(e.Message, e.Code, e.RequestId, e.StatusCode),
        "ResourceNotFoundException" => new ResourceNotFoundException(e.Message, e.Code, e.RequestId, e.StatusCode),
        "TooManyRequestsException" => new TooManyRequestsException(e.Message, e.Code, e.RequestId, e.StatusCode),
        _ => new AmazonAthenaException(e.Message, e.Code, e.RequestId, e.StatusCode),
    };
}
