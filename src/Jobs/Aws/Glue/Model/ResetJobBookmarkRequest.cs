namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>Input of <c>AWSGlue.ResetJobBookmark</c>.</summary>
public sealed class ResetJobBookmarkRequest
{
    public string? JobName { get; set; }

    public string? RunId { get; set; }
}
