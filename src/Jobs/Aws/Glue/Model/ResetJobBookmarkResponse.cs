namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>Output of <c>AWSGlue.ResetJobBookmark</c>: the bookmark as it was reset.</summary>
public sealed class ResetJobBookmarkResponse : AmazonWebServiceResponse
{
    public JobBookmarkEntry? JobBookmarkEntry { get; set; }
}
