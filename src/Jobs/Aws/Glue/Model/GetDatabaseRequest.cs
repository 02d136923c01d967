namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>Input of <c>AWSGlue.GetDatabase</c>.</summary>
public sealed class GetDatabaseRequest
{
    public string? CatalogId { get; set; }

    public string? Name { get; set; }
}
