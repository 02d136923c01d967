using LocalAws.Background;
using LocalAws.Faults;
using LocalAws.Glue.Bookmarks;
using LocalAws.Glue.Catalog;
using LocalAws.Glue.Jobs;
using LocalAws.Glue.RawToCurated;
using LocalAws.Seed;
using LocalAws.Storage;
using LocalAws.Wire;

namespace LocalAws.Hosting;

/// <summary>Composition of the emulator: one AddXyz per area.</summary>
internal static class ServiceRegistration
{
    public static IServiceCollection AddWire(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<OperationTable>();
        services.AddSingleton<AwsJsonEndpoint>();
        services.AddSingleton<FaultInjector>();
        services.AddSingleton<BackgroundWork>();
        services.AddSingleton<S3Storage>();
        services.AddSingleton<TableFiles>();
        services.AddSingleton<SeedLoader>();
        return services;
    }

    public static IServiceCollection AddGlue(this IServiceCollection services)
    {
        services.AddSingleton<GlueCatalog>();
        services.AddSingleton<JobStore>();
        services.AddSingleton<JobBookmarkStore>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<ILocalJobScript, RawToCuratedJob>();
        services.AddSingleton<IOperationGroup, DatabaseOperations>();
        services.AddSingleton<IOperationGroup, TableOperations>();
        services.AddSingleton<IOperationGroup, TableOptimizerOperations>();
        services.AddSingleton<IOperationGroup, PartitionOperations>();
        services.AddSingleton<IOperationGroup, JobOperations>();
        services.AddSingleton<IOperationGroup, BookmarkOperations>();
        services.AddSingleton<PartitionDiscovery>();
        services.AddSingleton<IOperationGroup, CrawlerOperations>();
        return services;
    }
}
