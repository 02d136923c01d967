namespace Orchestrator.IntegrationTests.Infrastructure;

/// <summary>
/// Test classes marked <c>[Collection(PostgresCollectionDefinition.Name)]</c> share one <see cref="PostgresServerFixture"/>.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollectionDefinition : ICollectionFixture<PostgresServerFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "PostgreSQL server";
}
