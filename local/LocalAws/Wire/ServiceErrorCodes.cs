namespace LocalAws.Wire;

/// <summary>
/// The per-service names of the errors every operation can return. Glue and Athena differ: Glue says
/// <c>ThrottlingException</c>/<c>InternalServiceException</c>, Athena <c>TooManyRequestsException</c>/<c>InternalServerException</c>.
/// </summary>
internal static class ServiceErrorCodes
{
    public static string Throttling(AwsService service) =>
        service == AwsService.Glue ? "ThrottlingException" : "TooManyRequestsException";

    public static string Internal(AwsService service) =>
        service == AwsService.Glue ? "InternalServiceException" : "InternalServerException";

    public static AwsServiceException InternalError(AwsService service, string message) =>
        new(Internal(service), message, System.Net.HttpStatusCode.InternalServerError);
}
