using Amazon.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Orchestrator.Jobs.Aws;
using Orchestrator.Jobs.Aws.Athena;
using Orchestrator.Jobs.Aws.Glue;

namespace Orchestrator.UnitTests.Aws;

/// <summary>Real clients (real signer, real retry loop) over a fake transport, a fake clock and a jitter of 1 (the full delay).</summary>
internal sealed class AwsTestClients
{
    public const string AccessKey = "AKIDORCHESTRATORTEST";

    public const string SecretKey = "not-a-secret";

    public FakeAwsHandler Handler { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    public AwsClientOptions Options { get; } = new()
    {
        Region = "eu-west-1",
        Credentials = new BasicAWSCredentials(AccessKey, SecretKey),
        MaxAttempts = 5,
        MaxRetryTime = TimeSpan.FromSeconds(30),
        BaseDelay = TimeSpan.FromMilliseconds(200),
        MaxDelay = TimeSpan.FromSeconds(5),
    };

    public IAmazonGlue Glue() => new GlueClient(Create(GlueClient.Descriptor));

    public IAmazonAthena Athena() => new AthenaClient(Create(AthenaClient.Descriptor));

    /// <summary>Drives the fake clock until <paramref name="call"/> finishes, so backoff delays pass without real waiting.</summary>
    public async Task<T> Run<T>(Task<T> call)
    {
        for (var i = 0; i < 10_000 && !call.IsCompleted; i++)
        {
            Time.Advance(TimeSpan.FromMilliseconds(50));
            await Task.WhenAny(call, Task.Delay(1));
        }

        return await call;
    }

    private AwsJsonClient Create(AwsServiceDescriptor service) =>
        AwsClientFactory.Create(service, null, Options, Handler, _ => null, Time, NullLoggerFactory.Instance, () => 1.0);
}
