namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>Input of <c>AWSGlue.GetJobBookmark</c>.</summary>
public sealed class GetJobBookmarkRequest
{
    public string? JobName { get; set; }

    public string? RunId { get; set; }
}
