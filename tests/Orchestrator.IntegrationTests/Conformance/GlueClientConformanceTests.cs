using System.Text.Json.Nodes;
using Amazon.S3.Model;
using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.Jobs.Aws.Glue;
using Orchestrator.Jobs.Aws.Glue.Model;

namespace Orchestrator.IntegrationTests.Conformance;

/// <summary>
/// Every Glue operation of the project's client against LocalAws; every request and response on the wire is checked
/// against the official Glue model at the end of each test.
/// </summary>
[Collection(ConformanceCollectionDefinition.Name)]
public sealed class GlueClientConformanceTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(30);
    private readonly ConformanceFixture _fixture;

    public GlueClientConformanceTests(ConformanceFixture fixture)
    {
        _fixture = fixture;
        _fixture.Wire.Clear();
    }

    private IAmazonGlue Glue => _fixture.Glue;

    [Fact]
    public async Task GetDatabase_and_GetTable_return_the_catalog_objects_and_EntityNotFound_for_missing_ones()
    {
        var database = await CreateDatabaseAsync();
        await CreateTableAsync(database, "raw", "conf/raw");

        var db = (await Glue.GetDatabaseAsync(new GetDatabaseRequest { Name = database })).Database!;
        var table = (await Glue.GetTableAsync(new GetTableRequest { DatabaseName = database, Name = "raw" })).Table!;
        var missingDb = await Assert.ThrowsAsync<EntityNotFoundException>(() => Glue.GetDatabaseAsync(new GetDatabaseRequest { Name = "nope" }));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => Glue.GetTableAsync(new GetTableRequest { DatabaseName = database, Name = "nope" }));

        Assert.Equal(database, db.Name);
        Assert.InRange(db.CreateTime!.Value, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(["year", "month"], table.PartitionKeys!.Select(k => k.Name));
        Assert.Equal($"s3://{ConformanceFixture.DataBucket}/conf/raw/", table.StorageDescriptor!.Location);
        Assert.Equal(",", table.StorageDescriptor.SerdeInfo!.Parameters!["field.delim"]);
        Assert.Equal("EntityNotFoundException", missingDb.ErrorCode);
        _fixture.AssertWireConformsToModels();
    }

    [Fact]
    public async Task GetTableOptimizer_returns_a_managed_optimizer_and_EntityNotFound_when_the_table_has_none_of_that_type()
    {
        var database = await CreateDatabaseAsync();
        await CreateTableAsync(database, "events", "conf/events", parquet: true);
        await _fixture.SetupAsync("AWSGlue.CreateTableOptimizer", new JsonObject
        {
            ["CatalogId"] = "000000000000", ["DatabaseName"] = database, ["TableName"] = "events", ["Type"] = "retention",
            ["TableOptimizerConfiguration"] = new JsonObject { ["roleArn"] = "arn:aws:iam::000000000000:role/optimizer", ["enabled"] = true },
        });
        string catalogId = (await Glue.GetTableAsync(new GetTableRequest { DatabaseName = database, Name = "events" })).Table!.CatalogId!;

        var retention = await Glue.GetTableOptimizerAsync(new GetTableOptimizerRequest
        {
            CatalogId = catalogId, DatabaseName = database, TableName = "events", Type = "retention",
        });
        var none = await Assert.ThrowsAsync<EntityNotFoundException>(() => Glue.GetTableOptimizerAsync(new GetTableOptimizerRequest
        {
            CatalogId = catalogId, DatabaseName = database, TableName = "events", Type = "compaction",
        }));

        Assert.Equal("000000000000", catalogId);
        Assert.Equal(database, retention.DatabaseName);
        Assert.Equal("events", retention.TableName);
        Assert.Equal("retention", retention.TableOptimizer!.Type);
        Assert.True(retention.TableOptimizer.Configuration!.Enabled);
        Assert.Equal("arn:aws:iam::000000000000:role/optimizer", retention.TableOptimizer.Configuration.RoleArn);
        Assert.Equal("EntityNotFoundException", none.ErrorCode);
        _fixture.AssertWireConformsToModels();
    }

    [Fact]
    public async Task BatchCreatePartition_reports_AlreadyExists_per_item_and_BatchGetPartition_finds_the_partitions()
    {
        var database = await CreateDatabaseAsync();
        await CreateTableAsync(database, "raw", "conf/p");

        var first = await Glue.BatchCreatePartitionAsync(new BatchCreatePartitionRequest
        {
            DatabaseName = database, TableName = "raw", PartitionInputList = [Partition("conf/p", 2026, 1), Partition("conf/p", 2026, 2)],
        });
        var second = await Glue.BatchCreatePartitionAsync(new BatchCreatePartitionRequest
        {
            DatabaseName = database, TableName = "raw", PartitionInputList = [Partition("conf/p", 2026, 2), Partition("conf/p", 2026, 3)],
        });
        var got = await Glue.BatchGetPartitionAsync(new BatchGetPartitionRequest
        {
            DatabaseName = database, TableName = "raw",
            PartitionsToGet = [new PartitionValueList { Values = ["2026", "1"] }, new PartitionValueList { Values = ["2026", "3"] },
                new PartitionValueList { Values = ["1999", "1"] }],
        });

        Assert.True(first.Errors is null or { Count: 0 }, "no errors for new partitions");
        var error = Assert.Single(second.Errors!);
        Assert.Equal(["2026", "2"], error.PartitionValues);
        Assert.Equal("AlreadyExistsException", error.ErrorDetail!.ErrorCode);
        Assert.Equal(["2026/1", "2026/3"], got.Partitions!.Select(p => string.Join('/', p.Values!)).Order());
        Assert.All(got.Partitions!, p => Assert.NotNull(p.CreationTime));
        _fixture.AssertWireConformsToModels();
    }

    [Fact]
    public async Task GetAllPartitionsAsync_filters_with_an_Expression_across_several_pages()
    {
        var database = await CreateDatabaseAsync();
        await CreateTableAsync(database, "raw", "conf/g");
        var inputs = (from year in new[] { 2024, 2025, 2026 } from month in Enumerable.Range(1, 4) select Partition("conf/g", year, month)).ToList();
        await Glue.BatchCreatePartitionAsync(new BatchCreatePartitionRequest { DatabaseName = database, TableName = "raw", PartitionInputList = inputs });
        _fixture.Wire.Clear();

        var found = new List<string>();
        await foreach (var partition in Glue.GetAllPartitionsAsync(new GetPartitionsRequest
        {
            DatabaseName = database, TableName = "raw", Expression = "year >= 2025 AND month IN (1, 2, 4)", MaxResults = 2,
        }))
        {
            found.Add(string.Join('/', partition.Values!));
        }

        Assert.Equal(["2025/1", "2025/2", "2025/4", "2026/1", "2026/2", "2026/4"], found.Order());
        Assert.True(_fixture.Wire.Exchanges.Count(e => e.Operation == "GetPartitions") >= 3, "several pages");
        _fixture.AssertWireConformsToModels();
    }

    [Fact]
    public async Task Job_operations_follow_runs_to_SUCCEEDED_page_through_runs_and_stop_a_run()
    {
        var job = await CreateJobAsync(maxConcurrentRuns: 3);
        var definition = (await Glue.GetJobAsync(new GetJobRequest { JobName = job })).Job!;
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await Glue.StartJobRunAsync(new StartJobRunRequest
            {
                JobName = job, Arguments = new() { ["--day"] = $"{i}" }, Timeout = 10, WorkerType = "G.1X", NumberOfWorkers = 2,
            })).JobRunId!);
        }

        var last = await WaitForRunAsync(job, ids[2]);
        var listed = new List<string>();
        await foreach (var run in Glue.GetAllJobRunsAsync(new GetJobRunsRequest { JobName = job, MaxResults = 1 }))
        {
            listed.Add(run.Id!);
        }

        Assert.Equal(job, definition.Name);
        Assert.Equal(3, definition.ExecutionProperty!.MaxConcurrentRuns);
        Assert.NotNull(definition.CreatedOn);
        Assert.Equal(JobRunState.SUCCEEDED, last.JobRunState);
        Assert.Equal("2", last.Arguments!["--day"]);
        Assert.True(last.CompletedOn >= last.StartedOn);
        Assert.Equal(Enumerable.Reverse(ids), listed);
        Assert.True(_fixture.Wire.Exchanges.Count(e => e.Operation == "GetJobRuns") >= 3, "several pages");
        await Assert.ThrowsAsync<EntityNotFoundException>(() => Glue.GetJobAsync(new GetJobRequest { JobName = "nope" }));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => Glue.GetJobRunAsync(new GetJobRunRequest { JobName = job, RunId = "jr_nope" }));
        _fixture.AssertWireConformsToModels();
    }

    [Fact]
    public async Task StartJobRun_beyond_MaxConcurrentRuns_throws_ConcurrentRunsExceeded_once_and_BatchStopJobRun_stops_the_run()
    {
        var job = await CreateJobAsync(runSeconds: "30");
        var id = (await Glue.StartJobRunAsync(new StartJobRunRequest { JobName = job })).JobRunId!;
        _fixture.Wire.Clear();

        var error = await Assert.ThrowsAsync<ConcurrentRunsExceededException>(() => Glue.StartJobRunAsync(new StartJobRunRequest { JobName = job }));
        var attempts = _fixture.Wire.Exchanges.Count;
        var stop = await Glue.BatchStopJobRunAsync(new BatchStopJobRunRequest { JobName = job, JobRunIds = [id, "jr_unknown"] });
        var stopped = await WaitForRunAsync(job, id);

        Assert.Equal(1, attempts); // never retried: a retry cannot fix it, the caller decides
        Assert.Equal("ConcurrentRunsExceededException", error.ErrorCode);
        Assert.Equal(id, Assert.Single(stop.SuccessfulSubmissions!).JobRunId);
        Assert.Equal("jr_unknown", Assert.Single(stop.Errors!).JobRunId);
        Assert.Equal(JobRunState.STOPPED, stopped.JobRunState);
        _fixture.AssertWireConformsToModels();
    }

    [Fact]
    public async Task GetJobBookmark_and_ResetJobBookmark_after_a_bookmarked_raw_to_curated_run()
    {
        var database = await CreateDatabaseAsync();
        var prefix = ConformanceFixture.Unique("raw");
        await CreateTableAsync(database, "raw", prefix);
        await CreateTableAsync(database, "curated", ConformanceFixture.Unique("cur"), parquet: true);
        await _fixture.S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = ConformanceFixture.DataBucket, Key = $"{prefix}/year=2026/month=1/a.csv", ContentBody = "id,name,amount,date\n1,a,1.5,2026-01-02\n",
        });
        await Glue.BatchCreatePartitionAsync(new BatchCreatePartitionRequest { DatabaseName = database, TableName = "raw", PartitionInputList = [Partition(prefix, 2026, 1)] });
        var job = await CreateJobAsync(extraArguments: new()
        {
            ["--local-script"] = "raw_to_curated", ["--source_database"] = database, ["--source_table"] = "raw",
            ["--target_database"] = database, ["--target_table"] = "curated", ["--job-bookmark-option"] = "job-bookmark-enable",
        });

        await Assert.ThrowsAsync<EntityNotFoundException>(() => Glue.GetJobBookmarkAsync(new GetJobBookmarkRequest { JobName = job }));
        var id = (await Glue.StartJobRunAsync(new StartJobRunRequest { JobName = job })).JobRunId!;
        var run = await WaitForRunAsync(job, id);
        var bookmark = (await Glue.GetJobBookmarkAsync(new GetJobBookmarkRequest { JobName = job })).JobBookmarkEntry!;
        var reset = (await Glue.ResetJobBookmarkAsync(new ResetJobBookmarkRequest { JobName = job })).JobBookmarkEntry!;

        Assert.Equal(JobRunState.SUCCEEDED, run.JobRunState);
        Assert.Equal(1, bookmark.Run);
        Assert.Equal(id, bookmark.RunId);
        Assert.Contains("a.csv", bookmark.JobBookmark, StringComparison.Ordinal);
        Assert.Equal(0, reset.Run);
        _fixture.AssertWireConformsToModels();
    }

    [Fact]
    public async Task StartCrawler_runs_the_crawler_to_READY_and_throws_CrawlerRunning_while_it_runs()
    {
        var name = ConformanceFixture.Unique("crawler");
        await _fixture.SetupAsync("AWSGlue.CreateCrawler", new JsonObject
        {
            ["Name"] = name, ["Role"] = "arn:aws:iam::000000000000:role/glue", ["DatabaseName"] = "lake", ["Schedule"] = "cron(0 1 * * ? *)",
            ["Targets"] = new JsonObject { ["S3Targets"] = new JsonArray(new JsonObject { ["Path"] = "s3://lake-data/raw/" }) },
        });

        var before = (await Glue.GetCrawlerAsync(new GetCrawlerRequest { Name = name })).Crawler!;
        await Glue.StartCrawlerAsync(new StartCrawlerRequest { Name = name });
        var running = await Assert.ThrowsAsync<CrawlerRunningException>(() => Glue.StartCrawlerAsync(new StartCrawlerRequest { Name = name }));
        var done = await Eventually.WaitForAsync(
            async () => (await Glue.GetCrawlerAsync(new GetCrawlerRequest { Name = name })).Crawler!,
            c => c.State == CrawlerState.READY && c.LastCrawl is not null, RunTimeout, $"crawler {name}");

        Assert.Equal(CrawlerState.READY, before.State);
        Assert.Equal("cron(0 1 * * ? *)", before.Schedule!.ScheduleExpression);
        Assert.Equal("CrawlerRunningException", running.ErrorCode);
        Assert.Equal("SUCCEEDED", done.LastCrawl!.Status);
        Assert.NotNull(done.LastCrawl.StartTime);
        await Assert.ThrowsAsync<EntityNotFoundException>(() => Glue.StartCrawlerAsync(new StartCrawlerRequest { Name = "nope" }));
        _fixture.AssertWireConformsToModels();
    }

    internal static PartitionInput Partition(string prefix, int year, int month) => new()
    {
        Values = [$"{year}", $"{month}"],
        StorageDescriptor = new StorageDescriptor { Location = $"s3://{ConformanceFixture.DataBucket}/{prefix}/year={year}/month={month}/" },
    };

    private async Task<string> CreateDatabaseAsync()
    {
        var name = ConformanceFixture.Unique("db");
        await _fixture.SetupAsync("AWSGlue.CreateDatabase", new JsonObject { ["DatabaseInput"] = new JsonObject { ["Name"] = name } });
        return name;
    }

    private Task<JsonObject> CreateTableAsync(string database, string table, string prefix, bool parquet = false) =>
        _fixture.SetupAsync("AWSGlue.CreateTable", JsonNode.Parse($$"""
            {"DatabaseName":"{{database}}","TableInput":{"Name":"{{table}}","TableType":"EXTERNAL_TABLE",
             "Parameters":{{(parquet ? """{"classification":"parquet"}""" : """{"skip.header.line.count":"1","classification":"csv"}""")}},
             "PartitionKeys":[{"Name":"year","Type":"int"},{"Name":"month","Type":"int"}],
             "StorageDescriptor":{"Location":"s3://{{ConformanceFixture.DataBucket}}/{{prefix}}/",
               "Columns":[{"Name":"id","Type":"bigint"},{"Name":"name","Type":"string"},{"Name":"amount","Type":"double"},{"Name":"date","Type":"date"}],
               "SerdeInfo":{{(parquet
                   ? """{"SerializationLibrary":"org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"}"""
                   : """{"SerializationLibrary":"org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe","Parameters":{"field.delim":","}}""")}} } } }
            """)!.AsObject());

    private async Task<string> CreateJobAsync(int maxConcurrentRuns = 1, string runSeconds = "0.3", Dictionary<string, string>? extraArguments = null)
    {
        var name = ConformanceFixture.Unique("job");
        var arguments = new JsonObject { ["--local-run-seconds"] = runSeconds, ["--local-starting-seconds"] = "0.05" };
        foreach (var (key, value) in extraArguments ?? [])
        {
            arguments[key] = value;
        }

        await _fixture.SetupAsync("AWSGlue.CreateJob", new JsonObject
        {
            ["Name"] = name, ["Role"] = "arn:aws:iam::000000000000:role/glue",
            ["Command"] = new JsonObject { ["Name"] = "glueetl", ["ScriptLocation"] = "s3://scripts/job.py" },
            ["DefaultArguments"] = arguments, ["ExecutionProperty"] = new JsonObject { ["MaxConcurrentRuns"] = maxConcurrentRuns },
            ["GlueVersion"] = "4.0", ["WorkerType"] = "G.1X", ["NumberOfWorkers"] = 2,
        });
        return name;
    }

    private Task<JobRun> WaitForRunAsync(string job, string id) =>
        Eventually.WaitForAsync(
            async () => (await Glue.GetJobRunAsync(new GetJobRunRequest { JobName = job, RunId = id })).JobRun!,
            r => r.JobRunState is { } s && (s == JobRunState.SUCCEEDED || s == JobRunState.FAILED || s == JobRunState.ERROR
                || s == JobRunState.STOPPED || s == JobRunState.TIMEOUT),
            RunTimeout, $"run {id}");
}
