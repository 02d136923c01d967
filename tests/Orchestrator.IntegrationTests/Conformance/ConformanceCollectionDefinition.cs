namespace Orchestrator.IntegrationTests.Conformance;

/// <summary>One emulator for all conformance tests, run one at a time: fault rules are global to the emulator.</summary>
[CollectionDefinition(Name)]
public sealed class ConformanceCollectionDefinition : ICollectionFixture<ConformanceFixture>
{
    public const string Name = "Conformance";
}
