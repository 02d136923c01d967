namespace Orchestrator.Configuration;

/// <summary>AWS settings shared by every client. Credentials always come from the SDK's default chain (the ECS task role on Fargate).</summary>
public sealed class AwsOptions
{
    /// <summary>Region, e.g. <c>eu-west-1</c>. When empty the SDK's default applies (<c>AWS_REGION</c>, then the profile).</summary>
    public string? Region { get; set; }

    /// <summary>Path-style S3 addressing (<c>http://host/bucket/key</c>): needed by S3 emulators, never by AWS itself.</summary>
    public bool S3ForcePathStyle { get; set; }
}
