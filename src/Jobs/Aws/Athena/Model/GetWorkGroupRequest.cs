namespace Orchestrator.Jobs.Aws.Athena.Model;

/// <summary>Input of <c>AmazonAthena.GetWorkGroup</c>.</summary>
public sealed class GetWorkGroupRequest
{
    public string? WorkGroup { get; set; }
}
