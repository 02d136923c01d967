using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.Runtime.Signing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Jobs.Aws.Athena;
using Orchestrator.Jobs.Aws.Glue;

namespace Orchestrator.Jobs.Aws;

/// <summary>
/// Builds the Glue and Athena clients: region and endpoint resolution, credentials, the SigV4 signer over a pooled
/// <see cref="SocketsHttpHandler"/>, and the retrying JSON client on top. Dispose the clients to release their connections.
/// </summary>
public static class AwsClientFactory
{
    /// <summary>A Glue client; the process environment supplies what <paramref name="options"/> leaves empty.</summary>
    public static IAmazonGlue CreateGlueClient(AwsClientOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new GlueClient(Create(
            GlueClient.Descriptor, options.GlueEndpoint, options, CreateTransport(), Environment.GetEnvironmentVariable,
            timeProvider ?? TimeProvider.System, loggerFactory ?? NullLoggerFactory.Instance, Random.Shared.NextDouble));
    }

    /// <summary>An Athena client; the process environment supplies what <paramref name="options"/> leaves empty.</summary>
    public static IAmazonAthena CreateAthenaClient(AwsClientOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new AthenaClient(Create(
            AthenaClient.Descriptor, options.AthenaEndpoint, options, CreateTransport(), Environment.GetEnvironmentVariable,
            timeProvider ?? TimeProvider.System, loggerFactory ?? NullLoggerFactory.Instance, Random.Shared.NextDouble));
    }

    /// <summary>The seam for tests: a fake transport under the real signer, a fake environment, a fixed jitter.</summary>
    internal static AwsJsonClient Create(
        AwsServiceDescriptor service,
        Uri? configuredEndpoint,
        AwsClientOptions options,
        HttpMessageHandler transport,
        Func<string, string?> environment,
        TimeProvider time,
        ILoggerFactory loggers,
        Func<double> jitter)
    {
        var region = AwsEndpointResolver.ResolveRegion(options.Region, environment);
        var endpoint = AwsEndpointResolver.ResolveEndpoint(service.ServiceId, service.EndpointPrefix, configuredEndpoint, region, environment);

        // The default chain returns a refreshing provider for the ECS task role; the signer asks it for credentials per request.
        var credentials = options.Credentials ?? DefaultAWSCredentialsIdentityResolver.GetCredentials(null);
        var signer = new SigV4SigningHandler(credentials, RegionEndpoint.GetBySystemName(region), service.EndpointPrefix, transport);

        // Timeouts are per attempt (AwsClientOptions.AttemptTimeout), enforced by the JSON client with the injected clock.
        var http = new HttpClient(signer, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        var logger = loggers.CreateLogger("Orchestrator.Jobs.Aws." + service.ServiceId);
        Log.ClientCreated(logger, service.ServiceId, endpoint, region, service.EndpointPrefix);
        return new AwsJsonClient(service, http, endpoint, options, time, logger, jitter);
    }

    /// <summary>
    /// Redirects are never followed: a redirected request would be signed for the wrong host. Pooled connections are recycled
    /// so that DNS changes of the regional endpoint are picked up in a process that runs for weeks.
    /// </summary>
    internal static SocketsHttpHandler CreateTransport() => new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
    };
}
