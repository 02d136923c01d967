using Amazon;
using Amazon.SQS;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orchestrator.Configuration;
using Orchestrator.Health;
using Orchestrator.Jobs.Datasets;

namespace Orchestrator.Ingestion;

/// <summary>Registers SQS ingestion: the client, the routing table, the pollers/handlers and their helpers.</summary>
internal static class IngestionRegistration
{
    public static IHostApplicationBuilder AddIngestion(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAmazonSQS>(sp =>
        {
            // Endpoint overrides come from AWS_ENDPOINT_URL_SQS / AWS_ENDPOINT_URL, which the SDK honours by itself.
            var aws = sp.GetRequiredService<IOptions<OrchestratorOptions>>().Value.Aws;
            var config = new AmazonSQSConfig();
            if (!string.IsNullOrWhiteSpace(aws.Region))
            {
                config.RegionEndpoint = RegionEndpoint.GetBySystemName(aws.Region);
            }

            return new AmazonSQSClient(config);
        });
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<OrchestratorOptions>>().Value;
            return new DatasetRouter(DatasetDefinitions.Build(options.Datasets, []));
        });
        services.TryAddSingleton(sp => new InFlightMessages(sp.GetRequiredService<IOptions<OrchestratorOptions>>().Value.Queue.MaxInFlight));
        services.TryAddSingleton(sp => new StoreBackoff(
            sp.GetRequiredService<IOptions<OrchestratorOptions>>().Value.Queue.MaxStoreBackoff, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<LivenessMarker>();
        services.TryAddSingleton<QueueSettler>();
        services.TryAddSingleton<VisibilityHeartbeat>();
        services.TryAddSingleton<BatchHandler>();
        services.AddHostedService<SqsIngestionService>();
        services.AddHostedService<QueueDepthService>();

        // The host must wait for the drain: our budget plus a margin for releasing what was not started.
        services.AddOptions<HostOptions>().Configure<IOptions<OrchestratorOptions>>((host, options) =>
            host.ShutdownTimeout = options.Value.Queue.ShutdownTimeout + TimeSpan.FromSeconds(5));
        return builder;
    }
}
