using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Orchestrator.Hosting;
using Orchestrator.Telemetry;

namespace Orchestrator.UnitTests.Telemetry;

/// <summary>An operator reading a log line can find its trace: the line carries the TraceId and SpanId of the span it was written in.</summary>
public sealed class ConsoleLoggingTests
{
    private static readonly Action<ILogger, Exception?> InsideTheSpan =
        LoggerMessage.Define(LogLevel.Information, new EventId(1), "Inside the span");

    [Fact]
    public void A_line_logged_inside_an_activity_carries_its_trace_and_span_id()
    {
        using var host = Build(new() { ["DOTNET_RUNNING_IN_CONTAINER"] = "true" }, fake: true);
        var logger = host.Services.GetRequiredService<ILogger<ConsoleLoggingTests>>();

        string traceId, spanId;
        using (var activity = new Activity("test.operation").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            traceId = activity.TraceId.ToHexString();
            spanId = activity.SpanId.ToHexString();
            InsideTheSpan(logger, null);
        }

        var record = Assert.Single(host.Services.GetRequiredService<FakeLogCollector>().GetSnapshot(), r => r.Message == "Inside the span");
        var fields = record.Scopes.OfType<IEnumerable<KeyValuePair<string, object?>>>().SelectMany(s => s).ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal(traceId, fields["TraceId"]?.ToString());
        Assert.Equal(spanId, fields["SpanId"]?.ToString());
    }

    [Theory]
    [InlineData("DOTNET_RUNNING_IN_CONTAINER", "true")]
    [InlineData("Logging:Console:FormatterName", "json")]
    public void In_a_container_or_when_configured_the_console_writes_json_with_scopes(string key, string value)
    {
        using var host = Build(new() { [key] = value }, fake: false);

        Assert.Equal(ConsoleFormatterNames.Json, host.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
        Assert.True(host.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue.IncludeScopes);
        Assert.Equal(ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId,
            host.Services.GetRequiredService<IOptions<LoggerFactoryOptions>>().Value.ActivityTrackingOptions);
    }

    [Fact]
    public void Outside_a_container_the_console_keeps_the_simple_single_line_formatter()
    {
        using var host = Build(new() { ["DOTNET_RUNNING_IN_CONTAINER"] = "false", ["Logging:Console:FormatterName"] = "simple" }, fake: false);

        Assert.Equal(ConsoleFormatterNames.Simple, host.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
    }

    private static IHost Build(Dictionary<string, string?> settings, bool fake)
    {
        var builder = OrchestratorHost.CreateBuilder(configFile: null);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddOrchestratorConsoleLogging();
        if (fake)
        {
            builder.Logging.ClearProviders().AddFakeLogging();
        }

        return builder.Build();
    }
}
