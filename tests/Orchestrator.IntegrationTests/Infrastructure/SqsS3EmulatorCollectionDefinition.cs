namespace Orchestrator.IntegrationTests.Infrastructure;

/// <summary>
/// Test classes marked <c>[Collection(SqsS3EmulatorCollectionDefinition.Name)]</c> share one emulator process;
/// each test still creates its own randomly named queues and buckets, so tests never see each other's messages.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SqsS3EmulatorCollectionDefinition : ICollectionFixture<SqsS3EmulatorFixture>
{
    public const string Name = "SQS and S3 emulator";
}
