namespace Orchestrator.IntegrationTests.Conformance;

/// <summary>Which shape of an operation a body is checked against.</summary>
internal enum ModelDirection
{
    Input,
    Output,
}
