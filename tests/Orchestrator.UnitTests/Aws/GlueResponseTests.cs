using System.Net;
using Orchestrator.Jobs.Aws.Glue;
using Orchestrator.Jobs.Aws.Glue.Model;

namespace Orchestrator.UnitTests.Aws;

// Not in parallel with each other: both call GetCrawler, and the telemetry test counts process-wide spans and metrics.
[Collection("Glue client telemetry")]
public sealed class GlueResponseTests
{
    private readonly AwsTestClients aws = new();

    [Fact]
    public async Task GetJobRun_reads_epoch_second_timestamps_state_and_request_id()
    {
        aws.Handler.ThenJson("""
            {"JobRun":{"Id":"jr_1","Attempt":0,"JobName":"raw_to_curated","StartedOn":1795608000.123,
             "CompletedOn":1795608060,"JobRunState":"SUCCEEDED","ExecutionTime":55,"DPUSeconds":110.5,
             "Arguments":{"--job-bookmark-option":"job-bookmark-enable"},"SomeFutureMember":{"x":1}}}
            """, requestId: "a1b2");
        using var glue = aws.Glue();

        var response = await glue.GetJobRunAsync(new GetJobRunRequest { JobName = "raw_to_curated", RunId = "jr_1" });

        var run = response.JobRun!;
        Assert.Equal(new DateTime(2026, 11, 25, 12, 0, 0, 123, DateTimeKind.Utc), run.StartedOn);
        Assert.Equal(DateTimeKind.Utc, run.StartedOn!.Value.Kind);
        Assert.Equal(new DateTime(2026, 11, 25, 12, 1, 0, DateTimeKind.Utc), run.CompletedOn);
        Assert.Same(JobRunState.SUCCEEDED, run.JobRunState);
        Assert.Equal(55, run.ExecutionTime);
        Assert.Equal(110.5, run.DPUSeconds);
        Assert.Equal("job-bookmark-enable", run.Arguments!["--job-bookmark-option"]);
        Assert.Equal("a1b2", response.ResponseMetadata!.RequestId);
        Assert.Equal(HttpStatusCode.OK, response.HttpStatusCode);
    }

    [Fact]
    public async Task Absent_collections_and_members_are_null_not_empty()
    {
        aws.Handler.ThenJson("""{"JobRun":{"Id":"jr_1","JobRunState":"RUNNING"}}""");
        using var glue = aws.Glue();

        var run = (await glue.GetJobRunAsync(new GetJobRunRequest { JobName = "j", RunId = "jr_1" })).JobRun!;

        Assert.Null(run.Arguments);
        Assert.Null(run.PredecessorRuns);
        Assert.Null(run.CompletedOn);
        Assert.Null(run.ExecutionTime);
    }

    [Fact]
    public async Task A_state_added_to_the_api_later_is_kept_not_rejected()
    {
        aws.Handler.ThenJson("""{"JobRun":{"Id":"jr_1","JobRunState":"HIBERNATING"}}""");
        using var glue = aws.Glue();

        var run = (await glue.GetJobRunAsync(new GetJobRunRequest { JobName = "j", RunId = "jr_1" })).JobRun!;

        Assert.Equal("HIBERNATING", run.JobRunState!.Value);
        Assert.NotEqual(JobRunState.RUNNING, run.JobRunState);
    }

    [Fact]
    public async Task BatchCreatePartition_returns_per_partition_errors_without_throwing()
    {
        aws.Handler.ThenJson("""
            {"Errors":[{"PartitionValues":["2026","11"],"ErrorDetail":{"ErrorCode":"AlreadyExistsException","ErrorMessage":"Partition already exists."}}]}
            """);
        using var glue = aws.Glue();

        var response = await glue.BatchCreatePartitionAsync(new BatchCreatePartitionRequest
        {
            DatabaseName = "lake",
            TableName = "raw_sales",
            PartitionInputList = [new PartitionInput { Values = ["2026", "11"] }],
        });

        var error = Assert.Single(response.Errors!);
        Assert.Equal(["2026", "11"], error.PartitionValues);
        Assert.Equal("AlreadyExistsException", error.ErrorDetail!.ErrorCode);
    }

    [Fact]
    public async Task An_operation_without_output_members_accepts_an_empty_object_or_an_empty_body()
    {
        aws.Handler.ThenJson("{}").Then(_ => new HttpResponseMessage(HttpStatusCode.OK));
        using var glue = aws.Glue();

        var first = await glue.StartCrawlerAsync(new StartCrawlerRequest { Name = "c" });
        var second = await glue.StartCrawlerAsync(new StartCrawlerRequest { Name = "c" });

        Assert.Equal(HttpStatusCode.OK, first.HttpStatusCode);
        Assert.Equal(HttpStatusCode.OK, second.HttpStatusCode);
        Assert.Equal("AWSGlue.StartCrawler", aws.Handler.Requests[1].Target);
    }

    [Fact]
    public async Task GetTable_reads_the_storage_descriptor_and_partition_keys()
    {
        aws.Handler.ThenJson("""
            {"Table":{"Name":"raw_sales","DatabaseName":"lake","CreateTime":1795608000,
             "PartitionKeys":[{"Name":"year","Type":"string"},{"Name":"month","Type":"string"}],
             "StorageDescriptor":{"Location":"s3://lake/raw/sales/","Compressed":false,
               "SerdeInfo":{"SerializationLibrary":"org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"},
               "Columns":[{"Name":"amount","Type":"double"}]},
             "Parameters":{"classification":"parquet"},"TableType":"EXTERNAL_TABLE"}}
            """);
        using var glue = aws.Glue();

        var table = (await glue.GetTableAsync(new GetTableRequest { DatabaseName = "lake", Name = "raw_sales" })).Table!;

        Assert.Equal("year,month", string.Join(",", table.PartitionKeys!.Select(k => k.Name)));
        Assert.Equal("s3://lake/raw/sales/", table.StorageDescriptor!.Location);
        Assert.Equal(false, table.StorageDescriptor.Compressed);
        Assert.EndsWith("ParquetHiveSerDe", table.StorageDescriptor.SerdeInfo!.SerializationLibrary, StringComparison.Ordinal);
        Assert.Equal("parquet", table.Parameters!["classification"]);
        Assert.Equal(new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc), table.CreateTime);
    }

    [Fact]
    public async Task GetCrawler_reads_the_state_and_last_crawl()
    {
        aws.Handler.ThenJson("""
            {"Crawler":{"Name":"c","State":"RUNNING","CrawlElapsedTime":1234,"LastCrawl":{"Status":"SUCCEEDED","StartTime":1795608000}}}
            """);
        using var glue = aws.Glue();

        var crawler = (await glue.GetCrawlerAsync(new GetCrawlerRequest { Name = "c" })).Crawler!;

        Assert.Same(CrawlerState.RUNNING, crawler.State);
        Assert.Equal(1234L, crawler.CrawlElapsedTime);
        Assert.Equal("SUCCEEDED", crawler.LastCrawl!.Status);
    }

    [Fact]
    public async Task GetAllJobRuns_follows_next_tokens_across_pages()
    {
        aws.Handler
            .ThenJson("""{"JobRuns":[{"Id":"jr_3"},{"Id":"jr_2"}],"NextToken":"t1"}""")
            .ThenJson("""{"JobRuns":[{"Id":"jr_1"}]}""");
        using var glue = aws.Glue();

        var ids = new List<string?>();
        await foreach (var run in glue.GetAllJobRunsAsync(new GetJobRunsRequest { JobName = "j" }))
        {
            ids.Add(run.Id);
        }

        Assert.Equal(["jr_3", "jr_2", "jr_1"], ids);
        Assert.False(aws.Handler.Requests[0].Json.TryGetProperty("NextToken", out _));
        Assert.Equal("t1", aws.Handler.Requests[1].Json.GetProperty("NextToken").GetString());
    }

    [Fact]
    public async Task GetAllPartitions_keeps_the_expression_on_every_page_and_stops_on_a_repeated_token()
    {
        aws.Handler
            .ThenJson("""{"Partitions":[{"Values":["2026","10"]}],"NextToken":"t1"}""")
            .ThenJson("""{"Partitions":[{"Values":["2026","11"]}],"NextToken":"t1"}""");
        using var glue = aws.Glue();
        var seen = new List<string>();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var partition in glue.GetAllPartitionsAsync(
                new GetPartitionsRequest { DatabaseName = "lake", TableName = "t", Expression = "year = '2026'" }))
            {
                seen.Add(string.Join("/", partition.Values!));
            }
        });

        Assert.Equal(["2026/10", "2026/11"], seen);
        Assert.Contains("t1", ex.Message, StringComparison.Ordinal);
        Assert.All(aws.Handler.Requests, r => Assert.Equal("year = '2026'", r.Json.GetProperty("Expression").GetString()));
    }
}
