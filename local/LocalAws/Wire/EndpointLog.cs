namespace LocalAws.Wire;

internal static partial class EndpointLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error in {Target}")]
    public static partial void UnhandledError(ILogger logger, string target, Exception error);
}
