namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>Output of <c>AWSGlue.GetJobBookmark</c>.</summary>
public sealed class GetJobBookmarkResponse : AmazonWebServiceResponse
{
    public JobBookmarkEntry? JobBookmarkEntry { get; set; }
}
