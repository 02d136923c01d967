namespace LocalAws.Wire;

/// <summary>Glue's error codes, as declared in the Glue API model (glue-2017-03-31).</summary>
internal static class GlueErrors
{
    public static AwsServiceException EntityNotFound(string message) => new("EntityNotFoundException", message);

    public static AwsServiceException AlreadyExists(string message) => new("AlreadyExistsException", message);

    public static AwsServiceException InvalidInput(string message) => new("InvalidInputException", message);

    public static AwsServiceException ConcurrentRunsExceeded(string message) => new("ConcurrentRunsExceededException", message);

    public static AwsServiceException CrawlerRunning(string message) => new("CrawlerRunningException", message);
}
