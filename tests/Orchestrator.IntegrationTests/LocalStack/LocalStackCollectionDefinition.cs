namespace Orchestrator.IntegrationTests.LocalStack;

/// <summary>
/// Tests that start <c>local/up --headless</c>, which listens on fixed ports (4566, 4567): never in parallel with another
/// collection, and only one such test at a time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LocalStackCollectionDefinition
{
    public const string Name = "local/up on fixed ports";
}
