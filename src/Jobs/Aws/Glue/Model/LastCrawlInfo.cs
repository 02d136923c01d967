namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>The outcome of a crawler's last crawl (<see cref="Status"/>: SUCCEEDED, CANCELLED, FAILED).</summary>
public sealed class LastCrawlInfo
{
    public string? Status { get; set; }

    public string? ErrorMessage { get; set; }

    public string? LogGroup { get; set; }

    public string? LogStream { get; set; }

    public string? MessagePrefix { get; set; }

    public DateTime? StartTime { get; set; }
}
