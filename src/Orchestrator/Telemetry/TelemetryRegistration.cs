using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orchestrator.Ingestion;
using Orchestrator.Jobs.Aws;
using Orchestrator.Jobs.GlueRuns;
using Orchestrator.Jobs.Maintenance;
using Orchestrator.Jobs.Queries;

namespace Orchestrator.Telemetry;

/// <summary>
/// OpenTelemetry traces, metrics and logs. Exported over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the ADOT
/// sidecar on ECS, the Aspire dashboard locally); otherwise nothing leaves the process and logs go to the console.
/// </summary>
internal static class TelemetryRegistration
{
    /// <summary>Every ActivitySource and Meter the orchestrator owns.</summary>
    public static readonly string[] Sources = [IngestionTelemetry.Name, AwsTelemetry.Name, GlueRunTelemetry.Name, AthenaQueryTelemetry.Name, MaintenanceTelemetry.Name];

    public static IHostApplicationBuilder AddOrchestratorTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddOrchestratorConsoleLogging();
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                // OTEL_SERVICE_NAME (set by Aspire and by the ECS task definition) wins; this is only the fallback.
                if (string.IsNullOrEmpty(builder.Configuration["OTEL_SERVICE_NAME"]))
                {
                    resource.AddService("orchestrator", serviceVersion: typeof(TelemetryRegistration).Assembly.GetName().Version?.ToString());
                }
            })
            .WithTracing(tracing => tracing.AddSource(Sources).AddHttpClientInstrumentation()
                .SetSampler(new ParentBasedSampler(new NoRootHttpSampler())))
            .WithMetrics(metrics => metrics.AddMeter(Sources).AddRuntimeInstrumentation().AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }

        return builder;
    }
}
