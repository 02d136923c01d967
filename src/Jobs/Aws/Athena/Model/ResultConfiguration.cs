namespace Orchestrator.Jobs.Aws.Athena.Model;

/// <summary>Where query results are written (<c>s3://bucket/prefix/</c>) and how they are encrypted.</summary>
public sealed class ResultConfiguration
{
    public string? OutputLocation { get; set; }

    public EncryptionConfiguration? EncryptionConfiguration { get; set; }

    public string? ExpectedBucketOwner { get; set; }

    public AclConfiguration? AclConfiguration { get; set; }
}
