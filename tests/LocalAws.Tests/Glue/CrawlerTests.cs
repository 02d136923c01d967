using System.Text.Json.Nodes;
using LocalAws.Tests.Infrastructure;

namespace LocalAws.Tests.Glue;

[Collection(LocalAwsCollectionDefinition.Name)]
public sealed class CrawlerTests(LocalAwsFixture fixture)
{
    [Fact]
    public async Task A_crawl_registers_the_partitions_found_in_S3_and_a_second_start_while_running_is_refused()
    {
        var database = await Lake.CreateDatabaseAsync(fixture);
        string prefix = LocalAwsFixture.Unique("crawl");
        await fixture.Aws.GlueAsync("CreateTable", new JsonObject
        {
            ["DatabaseName"] = database,
            ["TableInput"] = new JsonObject
            {
                ["Name"] = "events",
                ["PartitionKeys"] = JsonNode.Parse("""[{"Name":"year","Type":"int"},{"Name":"month","Type":"int"}]"""),
                ["StorageDescriptor"] = new JsonObject
                {
                    ["Columns"] = JsonNode.Parse("""[{"Name":"id","Type":"int"}]"""),
                    ["Location"] = $"s3://{LocalAwsFixture.DataBucket}/{prefix}/events/",
                },
            },
        }.ToJsonString());
        await fixture.PutAsync($"{prefix}/events/year=2024/month=1/a.csv", "id\n1\n");
        await fixture.PutAsync($"{prefix}/events/year=2024/month=2/b.csv", "id\n2\n");
        await fixture.PutAsync($"{prefix}/events/not-a-partition/c.csv", "id\n3\n");
        string crawler = LocalAwsFixture.Unique("crawler");
        await fixture.Aws.GlueAsync("CreateCrawler", new JsonObject
        {
            ["Name"] = crawler,
            ["Role"] = "arn:aws:iam::000000000000:role/crawler",
            ["DatabaseName"] = database,
            ["Targets"] = new JsonObject { ["S3Targets"] = new JsonArray(new JsonObject { ["Path"] = $"s3://{LocalAwsFixture.DataBucket}/{prefix}/" }) },
        }.ToJsonString());

        await fixture.Aws.GlueAsync("StartCrawler", new JsonObject { ["Name"] = crawler }.ToJsonString());
        var again = await fixture.Aws.GlueErrorAsync("StartCrawler", new JsonObject { ["Name"] = crawler }.ToJsonString());
        var done = await Orchestrator.IntegrationTests.Infrastructure.Eventually.WaitForAsync(
            async () => (JsonObject)(await fixture.Aws.GlueAsync("GetCrawler", new JsonObject { ["Name"] = crawler }.ToJsonString()))["Crawler"]!,
            c => (string?)c["State"] == "READY", TimeSpan.FromSeconds(30), "the crawl to finish");
        var partitions = await fixture.Aws.GlueAsync("GetPartitions", new JsonObject { ["DatabaseName"] = database, ["TableName"] = "events" }.ToJsonString());

        Assert.Equal("CrawlerRunningException", again.ErrorType);
        Assert.Equal("SUCCEEDED", (string?)done["LastCrawl"]!["Status"]);
        Assert.Equal(["2024/1", "2024/2"], ((JsonArray)partitions["Partitions"]!)
            .Select(p => string.Join('/', ((JsonArray)p!["Values"]!).Select(v => (string?)v))).Order());
    }
}
