namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>A Glue crawler (subset: targets and policies are not mapped).</summary>
public sealed class Crawler
{
    public string? Name { get; set; }

    public string? Role { get; set; }

    public string? DatabaseName { get; set; }

    public string? Description { get; set; }

    public List<string>? Classifiers { get; set; }

    public CrawlerState? State { get; set; }

    public string? TablePrefix { get; set; }

    public Schedule? Schedule { get; set; }

    public long? CrawlElapsedTime { get; set; }

    public DateTime? CreationTime { get; set; }

    public DateTime? LastUpdated { get; set; }

    public LastCrawlInfo? LastCrawl { get; set; }

    public long? Version { get; set; }

    public string? Configuration { get; set; }

    public string? CrawlerSecurityConfiguration { get; set; }
}
