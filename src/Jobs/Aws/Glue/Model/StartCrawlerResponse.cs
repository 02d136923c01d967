namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>Output of <c>AWSGlue.StartCrawler</c> (no members on the wire).</summary>
public sealed class StartCrawlerResponse : AmazonWebServiceResponse
{
}
