namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>Input of <c>AWSGlue.StartCrawler</c>.</summary>
public sealed class StartCrawlerRequest
{
    public string? Name { get; set; }
}
