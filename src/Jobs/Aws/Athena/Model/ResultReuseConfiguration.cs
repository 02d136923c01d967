namespace Orchestrator.Jobs.Aws.Athena.Model;

/// <summary>Whether a query may reuse a recent result of the same query.</summary>
public sealed class ResultReuseConfiguration
{
    public ResultReuseByAgeConfiguration? ResultReuseByAgeConfiguration { get; set; }
}
