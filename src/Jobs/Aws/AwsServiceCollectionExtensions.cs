using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orchestrator.Jobs.Aws.Athena;
using Orchestrator.Jobs.Aws.Glue;

namespace Orchestrator.Jobs.Aws;

/// <summary>Registers the project's Glue and Athena clients.</summary>
public static class AwsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IAmazonGlue"/> and <see cref="IAmazonAthena"/> as singletons (each owns a connection pool), with
    /// <see cref="AwsClientOptions"/> validated at start-up. Bind the options from configuration with
    /// <c>services.AddOptions&lt;AwsClientOptions&gt;().Bind(section)</c> before or after this call.
    /// </summary>
    public static IServiceCollection AddGlueAndAthenaClients(this IServiceCollection services, Action<AwsClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<AwsClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AwsClientOptions>, AwsClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAmazonGlue>(sp => AwsClientFactory.CreateGlueClient(
            sp.GetRequiredService<IOptions<AwsClientOptions>>().Value, sp.GetRequiredService<TimeProvider>(), Loggers(sp)));
        services.TryAddSingleton<IAmazonAthena>(sp => AwsClientFactory.CreateAthenaClient(
            sp.GetRequiredService<IOptions<AwsClientOptions>>().Value, sp.GetRequiredService<TimeProvider>(), Loggers(sp)));
        return services;
    }

    private static ILoggerFactory Loggers(IServiceProvider services) =>
        services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
}
