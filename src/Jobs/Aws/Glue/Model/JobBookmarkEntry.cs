namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>A job's bookmark: what its runs have already processed (<see cref="JobBookmark"/> is an opaque JSON string).</summary>
public sealed class JobBookmarkEntry
{
    public string? JobName { get; set; }

    public int? Version { get; set; }

    public int? Run { get; set; }

    public int? Attempt { get; set; }

    public string? PreviousRunId { get; set; }

    public string? RunId { get; set; }

    public string? JobBookmark { get; set; }
}
