namespace LocalAws.Tests.Infrastructure;

/// <summary>All emulator tests share one fauxqs process and one in-process LocalAws.</summary>
[CollectionDefinition(Name)]
public sealed class LocalAwsCollectionDefinition : ICollectionFixture<LocalAwsFixture>
{
    public const string Name = "LocalAws";
}
