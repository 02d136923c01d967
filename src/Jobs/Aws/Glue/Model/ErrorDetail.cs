namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>A per-item error in a batch response: the error code (an exception name) and message.</summary>
public sealed class ErrorDetail
{
    public string? ErrorCode { get; set; }

    public string? ErrorMessage { get; set; }
}
