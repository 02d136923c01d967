using Orchestrator.Jobs.Aws;

namespace Orchestrator.UnitTests.Aws;

public sealed class EndpointResolverTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Without_overrides_the_regional_endpoint_is_used()
    {
        Assert.Equal(new Uri("https://glue.eu-west-1.amazonaws.com/"), AwsEndpointResolver.ResolveEndpoint("Glue", "glue", null, "eu-west-1", Env()));
        Assert.Equal(
            new Uri("https://athena.cn-north-1.amazonaws.com.cn/"), AwsEndpointResolver.ResolveEndpoint("Athena", "athena", null, "cn-north-1", Env()));
    }

    [Fact]
    public void The_service_specific_variable_wins_over_the_global_one()
    {
        var env = Env(("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"), ("AWS_ENDPOINT_URL_GLUE", "http://127.0.0.1:4599"));

        Assert.Equal(new Uri("http://127.0.0.1:4599"), AwsEndpointResolver.ResolveEndpoint("Glue", "glue", null, "eu-west-1", env));
        Assert.Equal(new Uri("http://127.0.0.1:4566"), AwsEndpointResolver.ResolveEndpoint("Athena", "athena", null, "eu-west-1", env));
    }

    [Fact]
    public void An_endpoint_in_the_options_wins_over_the_environment()
    {
        var env = Env(("AWS_ENDPOINT_URL_ATHENA", "http://127.0.0.1:4599"));

        var endpoint = AwsEndpointResolver.ResolveEndpoint("Athena", "athena", new Uri("http://localhost:9000"), "eu-west-1", env);

        Assert.Equal(new Uri("http://localhost:9000"), endpoint);
    }

    [Fact]
    public void AWS_IGNORE_CONFIGURED_ENDPOINT_URLS_turns_the_environment_overrides_off()
    {
        var env = Env(("AWS_ENDPOINT_URL_GLUE", "http://127.0.0.1:4599"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "TRUE"));

        Assert.Equal(new Uri("https://glue.us-east-1.amazonaws.com/"), AwsEndpointResolver.ResolveEndpoint("Glue", "glue", null, "us-east-1", env));
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://host/")]
    public void A_malformed_override_is_refused_with_the_variable_named(string value)
    {
        var ex = Assert.ThrowsAny<Exception>(
            () => AwsEndpointResolver.ResolveEndpoint("Glue", "glue", null, "eu-west-1", Env(("AWS_ENDPOINT_URL_GLUE", value))));

        Assert.Contains("AWS_ENDPOINT_URL_GLUE", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_region_comes_from_the_options_then_AWS_REGION_then_AWS_DEFAULT_REGION()
    {
        var env = Env(("AWS_REGION", "eu-central-1"), ("AWS_DEFAULT_REGION", "us-west-2"));

        Assert.Equal("eu-west-1", AwsEndpointResolver.ResolveRegion("eu-west-1", env));
        Assert.Equal("eu-central-1", AwsEndpointResolver.ResolveRegion(null, env));
        Assert.Equal("us-west-2", AwsEndpointResolver.ResolveRegion(" ", Env(("AWS_DEFAULT_REGION", "us-west-2"))));
        var ex = Assert.Throws<InvalidOperationException>(() => AwsEndpointResolver.ResolveRegion(null, Env()));
        Assert.Contains("AWS_REGION", ex.Message, StringComparison.Ordinal);
    }
}
