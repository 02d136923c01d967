namespace LocalAws.Background;

internal static partial class BackgroundLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Background work {What} failed")]
    public static partial void WorkFailed(ILogger logger, string what, Exception error);
}
