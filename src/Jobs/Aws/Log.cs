using Microsoft.Extensions.Logging;

namespace Orchestrator.Jobs.Aws;

internal static partial class Log
{
    [LoggerMessage(101, LogLevel.Information, "{Service}.{Method} failed ({ErrorCode}); retry {Retry} of at most {MaxRetries} in {Delay}")]
    public static partial void Retrying(ILogger logger, string service, string method, string errorCode, int retry, int maxRetries, TimeSpan delay);

    [LoggerMessage(102, LogLevel.Warning, "{Service}.{Method} failed ({ErrorCode}) after {Attempts} attempts in {Elapsed}; giving up")]
    public static partial void GaveUp(ILogger logger, string service, string method, string errorCode, int attempts, TimeSpan elapsed);

    [LoggerMessage(103, LogLevel.Information, "{Service} client: endpoint {Endpoint}, region {Region}, signing name {SigningName}")]
    public static partial void ClientCreated(ILogger logger, string service, Uri endpoint, string region, string signingName);
}
