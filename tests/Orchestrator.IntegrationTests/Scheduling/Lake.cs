namespace Orchestrator.IntegrationTests.Scheduling;

/// <summary>One test's data lake: Glue database, job and S3 prefixes (raw table <c>raw_sales</c>, curated <c>my_table</c>).</summary>
public sealed record Lake(string Database, string Job, string RawPrefix, string CuratedPrefix);
