using Amazon;
using Amazon.S3;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orchestrator.Configuration;
using Orchestrator.Jobs.Aws;
using Orchestrator.Jobs.Catalog;
using Orchestrator.Jobs.GlueRuns;
using Orchestrator.Jobs.Maintenance;
using Orchestrator.Jobs.Queries;
using Orchestrator.Jobs.Runs;
using Orchestrator.Jobs.Storage;
using Quartz;

namespace Orchestrator.Scheduling;

/// <summary>
/// Quartz with a persistent store (SQLite on one task; PostgreSQL clustered for several), the Glue run machinery, and the
/// start-up reconciliation of configured schedules. See docs/scheduling.md.
/// </summary>
internal static class SchedulingRegistration
{
    public static HostApplicationBuilder AddScheduling(this HostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = ConfigurationSnapshot(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => DatasetJobDefinitions.Build(sp.GetRequiredService<IOptions<OrchestratorOptions>>().Value));
        services.TryAddSingleton(sp =>
        {
            var store = sp.GetRequiredService<IOptions<OrchestratorOptions>>().Value.Store;
            return RunStoreFactory.Create(store.Provider, store.ConnectionString, sp.GetRequiredService<TimeProvider>());
        });
        services.AddGlueAndAthenaClients(o => o.Region = options.Aws.Region);
        services.TryAddSingleton<IAmazonS3>(sp =>
        {
            // Endpoint overrides come from AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL; emulators need path-style addressing.
            var aws = sp.GetRequiredService<IOptions<OrchestratorOptions>>().Value.Aws;
            var config = new AmazonS3Config { ForcePathStyle = aws.S3ForcePathStyle };
            if (!string.IsNullOrWhiteSpace(aws.Region))
            {
                config.RegionEndpoint = RegionEndpoint.GetBySystemName(aws.Region);
            }

            return new AmazonS3Client(config);
        });
        services.TryAddSingleton(sp => new GlueRunPricing(sp.GetRequiredService<IOptions<OrchestratorOptions>>().Value.Scheduling.DpuHourPrice));
        services.TryAddSingleton(_ => new KnownPartitions());
        services.TryAddSingleton<TableDescriptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPartitionStrategy, GlueApiPartitionStrategy>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPartitionStrategy, AthenaDdlPartitionStrategy>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPartitionStrategy, CrawlerPartitionStrategy>());
        services.TryAddSingleton(sp => new AthenaQueryRunner(
            sp.GetRequiredService<Orchestrator.Jobs.Aws.Athena.IAmazonAthena>(),
            sp.GetRequiredService<IOptions<OrchestratorOptions>>().Value.Athena,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<AthenaQueryRunner>>()));
        services.TryAddSingleton<PartitionRegistrar>();
        services.TryAddSingleton<OutputPartitionScanner>();
        services.TryAddSingleton<IRunScheduler, QuartzRunScheduler>();
        services.TryAddSingleton<GlueRunFinisher>();
        services.TryAddSingleton<GlueRunCoordinator>();
        services.TryAddSingleton<IRunRequester, DebouncedRunRequester>();
        services.TryAddSingleton<RunReattacher>();
        services.TryAddSingleton<StalledDatasetRepairer>();
        services.AddTransient<GlueRunJob>();
        services.TryAddSingleton(sp => MaintenanceTaskDefinitions.Build(sp.GetRequiredService<IOptions<OrchestratorOptions>>().Value, []));
        services.TryAddSingleton<MaintenanceRunner>();
        services.AddTransient<MaintenanceJob>();

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "orchestrator";
                s.InstanceId = "AUTO";
                s.IdleWaitTime = TimeSpan.FromSeconds(5); // another process (the CLI) may add triggers: notice them soon
            });
            q.UseDefaultThreadPool(options.Scheduling.Threads);
            q.UsePersistentStore(store =>
            {
                if (options.Store.Provider == StoreProvider.PostgreSql)
                {
                    store.UsePostgres(options.Store.ConnectionString);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = options.Scheduling.CheckinInterval;
                        c.CheckinMisfireThreshold = options.Scheduling.CheckinMisfireThreshold;
                    });
                }
                else
                {
                    store.UseSqlite(options.Store.ConnectionString);
                }

                store.ProvisionSchema(); // the SQL files in Quartz's repository are older than 4.7.3 and refused by it
                store.ConfigureStore(o => o.MisfireThreshold = options.Scheduling.MisfireThreshold);
            });
        });

        // Before Quartz starts firing: the run tables exist and the configured schedules match the configuration.
        services.AddHostedService<ScheduleReconciler>();
        services.AddHostedService<MaintenanceScheduleReconciler>();
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<RunReattachService>();
        return builder;
    }

    /// <summary>
    /// Quartz's store is configured while services are registered, before options can be resolved; this reads the same
    /// configuration. (It is validated at start-up like everything else, so a bad value never gets this far in <c>run</c>.)
    /// </summary>
    private static OrchestratorOptions ConfigurationSnapshot(HostApplicationBuilder builder)
    {
        var options = new OrchestratorOptions();
        StrictConfigurationBinder.Bind(builder.Configuration.GetSection(OrchestratorOptions.SectionName), options, []);
        return options;
    }
}
