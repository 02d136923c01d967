namespace Orchestrator.Jobs.Aws.Athena.Model;

/// <summary>The canned ACL of query results (<c>BUCKET_OWNER_FULL_CONTROL</c>).</summary>
public sealed class AclConfiguration
{
    public string? S3AclOption { get; set; }
}
