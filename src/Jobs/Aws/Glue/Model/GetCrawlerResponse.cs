namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>Output of <c>AWSGlue.GetCrawler</c>.</summary>
public sealed class GetCrawlerResponse : AmazonWebServiceResponse
{
    public Crawler? Crawler { get; set; }
}
