using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orchestrator.Jobs.Aws;
using Orchestrator.Jobs.Aws.Athena;
using Orchestrator.Jobs.Aws.Glue;

namespace Orchestrator.UnitTests.Aws;

public sealed class RegistrationTests
{
    [Fact]
    public void AddGlueAndAthenaClients_registers_singleton_clients_built_from_the_options()
    {
        var services = new ServiceCollection()
            .AddGlueAndAthenaClients(o =>
            {
                o.Region = "eu-west-1";
                o.GlueEndpoint = new Uri("http://127.0.0.1:4599");
                o.AthenaEndpoint = new Uri("http://127.0.0.1:4599");
                o.Credentials = new BasicAWSCredentials("AKID", "secret");
            });
        using var provider = services.BuildServiceProvider();

        var glue = provider.GetRequiredService<IAmazonGlue>();
        var athena = provider.GetRequiredService<IAmazonAthena>();

        Assert.Same(glue, provider.GetRequiredService<IAmazonGlue>());
        Assert.IsType<GlueClient>(glue);
        Assert.IsType<AthenaClient>(athena);
    }

    [Fact]
    public void Out_of_range_options_are_reported_at_validation_with_every_failure()
    {
        var services = new ServiceCollection().AddGlueAndAthenaClients(o =>
        {
            o.MaxAttempts = 0;
            o.MaxRetryTime = TimeSpan.FromHours(2);
        });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AwsClientOptions>>().Value);

        Assert.Contains(ex.Failures, f => f.Contains(nameof(AwsClientOptions.MaxAttempts), StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains(nameof(AwsClientOptions.MaxRetryTime), StringComparison.Ordinal));
    }
}
