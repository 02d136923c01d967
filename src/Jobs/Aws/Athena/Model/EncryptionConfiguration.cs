namespace Orchestrator.Jobs.Aws.Athena.Model;

/// <summary>Encryption of query results: <c>SSE_S3</c>, <c>SSE_KMS</c> or <c>CSE_KMS</c> and the KMS key.</summary>
public sealed class EncryptionConfiguration
{
    public string? EncryptionOption { get; set; }

    public string? KmsKey { get; set; }
}
