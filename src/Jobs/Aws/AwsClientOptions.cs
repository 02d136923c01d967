using System.ComponentModel.DataAnnotations;
using Amazon.Runtime;

namespace Orchestrator.Jobs.Aws;

/// <summary>
/// Settings of the project's Glue and Athena clients. Every value has a default that works on ECS: the region and the
/// endpoints come from the standard environment variables when not set here, credentials from the SDK's default chain.
/// </summary>
public sealed class AwsClientOptions
{
    /// <summary>The region, e.g. <c>eu-west-1</c>; when empty, <c>AWS_REGION</c> then <c>AWS_DEFAULT_REGION</c>.</summary>
    public string? Region { get; set; }

    /// <summary>The Glue endpoint; when empty, <c>AWS_ENDPOINT_URL_GLUE</c>, <c>AWS_ENDPOINT_URL</c>, then the regional endpoint.</summary>
    public Uri? GlueEndpoint { get; set; }

    /// <summary>The Athena endpoint; when empty, <c>AWS_ENDPOINT_URL_ATHENA</c>, <c>AWS_ENDPOINT_URL</c>, then the regional endpoint.</summary>
    public Uri? AthenaEndpoint { get; set; }

    /// <summary>Attempts per call including the first (the SDKs' standard retry mode uses 3; Glue throttles bursts, hence 5).</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>No retry starts once this much time has passed since the call began: bounds a call's total time under throttling.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxRetryTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The ceiling of the first retry's delay; it doubles per retry up to <see cref="MaxDelay"/>, and a random part of it is used.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The largest delay between two attempts (the SDKs' standard mode caps at 20 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:05:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one attempt may take before it is abandoned and, for idempotent operations, retried.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Credentials to sign with; when null, the SDK's default chain (environment variables, profiles, the ECS task role through
    /// the container credentials endpoint, EC2 instance profile). Set in code only, e.g. in tests.
    /// </summary>
    public AWSCredentials? Credentials { get; set; }
}
