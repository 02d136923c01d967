using LocalAws.Hosting;
using LocalAws.Tests.Infrastructure;

namespace LocalAws.Tests.Hosting;

public sealed class SeedAndCommandLineTests
{
    [Fact]
    public async Task Seed_file_creates_databases_tables_jobs_crawlers_and_workgroups()
    {
        var seed = Path.Combine(Path.GetTempPath(), $"localaws-seed-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(seed, """
            {"databases":[{"DatabaseInput":{"Name":"lake"}}],
             "tables":[{"DatabaseName":"lake","TableInput":{"Name":"t","Parameters":{"projection.enabled":"true"},"StorageDescriptor":{"Location":"s3://b/t/"}}}],
             "jobs":[{"Name":"raw_to_curated","Role":"r","Command":{"Name":"glueetl","ScriptLocation":"s3://s/raw_to_curated.py"},
                      "ExecutionProperty":{"MaxConcurrentRuns":1}}],
             "crawlers":[{"Name":"c","Role":"r","Targets":{"S3Targets":[{"Path":"s3://b/t/"}]}}],
             "workgroups":[{"Name":"etl","Configuration":{"ResultConfiguration":{"OutputLocation":"s3://r/etl/"}}}]}
            """);
        try
        {
            await using var app = LocalAwsApplication.Build(new LocalAwsOptions { Port = 0, SeedFile = seed });
            var port = await LocalAwsApplication.StartAsync(app, CancellationToken.None);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var aws = new AwsJsonClient(http);

            var table = await aws.GlueAsync("GetTable", """{"DatabaseName":"lake","Name":"t"}""");
            var job = await aws.GlueAsync("GetJob", """{"JobName":"raw_to_curated"}""");
            var crawler = await aws.GlueAsync("GetCrawler", """{"Name":"c"}""");
            var workGroup = await aws.AthenaAsync("GetWorkGroup", """{"WorkGroup":"etl"}""");

            Assert.Equal("true", (string?)table["Table"]!["Parameters"]!["projection.enabled"]);
            Assert.Equal("raw_to_curated", (string?)job["Job"]!["Name"]);
            Assert.Equal("READY", (string?)crawler["Crawler"]!["State"]);
            Assert.Equal("s3://r/etl/", (string?)workGroup["WorkGroup"]!["Configuration"]!["ResultConfiguration"]!["OutputLocation"]);
            await app.StopAsync();
        }
        finally
        {
            File.Delete(seed);
        }
    }

    [Fact]
    public void Command_line_sets_port_seed_and_endpoints()
    {
        var options = CommandLine.Parse(["--port", "0", "--seed", "s.json", "--s3-endpoint", "http://127.0.0.1:9", "--athena-output", "s3://r/"]);

        Assert.Equal(0, options.Port);
        Assert.Equal("s.json", options.SeedFile);
        Assert.Equal(new Uri("http://127.0.0.1:9"), options.S3Endpoint);
        Assert.Equal("s3://r/", options.AthenaOutputLocation);
        Assert.Throws<ArgumentException>(() => CommandLine.Parse(["--port", "99999"]));
        Assert.Throws<ArgumentException>(() => CommandLine.Parse(["--bogus", "1"]));
    }
}
