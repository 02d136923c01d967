namespace LocalAws.Wire;

/// <summary>Athena's error codes for API calls (not for failed queries: those end FAILED with an AthenaError).</summary>
internal static class AthenaErrors
{
    // Athena puts a machine-readable code next to the message of InvalidRequestException.
    public static AwsServiceException InvalidRequest(string message, string athenaErrorCode = "INVALID_INPUT") =>
        new("InvalidRequestException", message)
        {
            ExtraMembers = new Dictionary<string, string> { ["AthenaErrorCode"] = athenaErrorCode },
        };
}
