namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>Input of <c>AWSGlue.GetCrawler</c>.</summary>
public sealed class GetCrawlerRequest
{
    public string? Name { get; set; }
}
