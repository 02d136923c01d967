using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Orchestrator.Telemetry;

/// <summary>
/// Console logs: one JSON object per line in containers (CloudWatch Logs and the ADOT sidecar parse it), the simple single-line
/// formatter otherwise. Either way the logging builder tracks the current Activity, so a line written inside a span carries its
/// TraceId and SpanId (as a scope) and an operator can go from a log line to the trace.
/// </summary>
internal static class ConsoleLogging
{
    public const string JsonFormatter = ConsoleFormatterNames.Json;

    public static IHostApplicationBuilder AddOrchestratorConsoleLogging(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.Configure(options => options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        if (UseJson(builder.Configuration))
        {
            // Registered after the host binds Logging:Console, so this wins over appsettings.json's "simple".
            builder.Logging.AddJsonConsole(json =>
            {
                // The activity-tracking scope is how TraceId/SpanId reach the JSON line: without scopes they are dropped.
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        return builder;
    }

    /// <summary>
    /// JSON when <c>Logging:Console:FormatterName</c> says so, or when the .NET container images' <c>DOTNET_RUNNING_IN_CONTAINER</c>
    /// is <c>true</c>.
    /// </summary>
    public static bool UseJson(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return string.Equals(configuration["Logging:Console:FormatterName"], JsonFormatter, StringComparison.OrdinalIgnoreCase)
               || (bool.TryParse(configuration["DOTNET_RUNNING_IN_CONTAINER"], out bool inContainer) && inContainer);
    }
}
