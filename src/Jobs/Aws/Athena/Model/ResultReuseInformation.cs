namespace Orchestrator.Jobs.Aws.Athena.Model;

/// <summary>Whether a query reused a previous result.</summary>
public sealed class ResultReuseInformation
{
    public bool? ReusedPreviousResult { get; set; }
}
