namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>A Glue Data Catalog database (subset: permissions and federation are not mapped).</summary>
public sealed class Database
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? LocationUri { get; set; }

    public Dictionary<string, string>? Parameters { get; set; }

    public DateTime? CreateTime { get; set; }

    public string? CatalogId { get; set; }
}
