namespace Orchestrator.Jobs.Aws;

/// <summary>
/// Region and endpoint as the official SDKs resolve them: an endpoint set in code wins; then <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>
/// (the service id upper-cased, spaces as underscores), then <c>AWS_ENDPOINT_URL</c>, unless
/// <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true</c>; then the regional endpoint. The environment is a lookup function so
/// tests never touch the process environment.
/// </summary>
internal static class AwsEndpointResolver
{
    public static string ResolveRegion(string? configured, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var region = FirstNonEmpty(configured, environment("AWS_REGION"), environment("AWS_DEFAULT_REGION"));
        return region ?? throw new InvalidOperationException(
            "No AWS region: set the client options' Region or the AWS_REGION environment variable (ECS sets it for tasks).");
    }

    public static Uri ResolveEndpoint(string serviceId, string endpointPrefix, Uri? configured, string region, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(serviceId);
        ArgumentNullException.ThrowIfNull(environment);
        if (configured is not null)
        {
            return RequireAbsolute(configured, "the client options");
        }

        var ignore = environment("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
        if (!string.Equals(ignore?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            var specific = "AWS_ENDPOINT_URL_" + serviceId.ToUpperInvariant().Replace(' ', '_');
            foreach (var variable in new[] { specific, "AWS_ENDPOINT_URL" })
            {
                var value = environment(variable);
                if (!string.IsNullOrWhiteSpace(value))
                {
                    return RequireAbsolute(new Uri(value.Trim(), UriKind.RelativeOrAbsolute), variable);
                }
            }
        }

        // The China partition has its own DNS suffix; every other commercial region uses amazonaws.com.
        var suffix = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return new Uri($"https://{endpointPrefix}.{region}.{suffix}/");
    }

    private static Uri RequireAbsolute(Uri uri, string source) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new InvalidOperationException($"The endpoint '{uri}' from {source} is not an absolute http(s) URL.");

    private static string? FirstNonEmpty(params string?[] values) =>
        values.Select(v => v?.Trim()).FirstOrDefault(v => !string.IsNullOrEmpty(v));
}
