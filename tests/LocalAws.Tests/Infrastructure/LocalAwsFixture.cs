using System.Text.Json.Nodes;
using Amazon.S3.Model;
using LocalAws.Hosting;
using Microsoft.AspNetCore.Builder;
using Orchestrator.IntegrationTests.Infrastructure;

namespace LocalAws.Tests.Infrastructure;

/// <summary>
/// The SQS/S3 emulator (fauxqs, as a Node child process) plus LocalAws started in-process on a free port, pointed at it.
/// Shared by all tests; each test uses its own randomly named databases, tables, jobs and S3 prefixes.
/// </summary>
public sealed class LocalAwsFixture : IAsyncLifetime
{
    public const string DataBucket = "lake-data";
    public const string ResultsBucket = "athena-results";

    private readonly SqsS3EmulatorFixture _s3 = new();
    private WebApplication? _app;
    private HttpClient? _http;

    internal AwsJsonClient Aws { get; private set; } = null!;

    internal HttpClient Http => _http!;

    internal Amazon.S3.AmazonS3Client S3 => _s3.S3;

    public async Task InitializeAsync()
    {
        await _s3.InitializeAsync();
        await _s3.S3.PutBucketAsync(DataBucket);
        await _s3.S3.PutBucketAsync(ResultsBucket);
        _app = LocalAwsApplication.Build(new LocalAwsOptions
        {
            Port = 0,
            S3Endpoint = _s3.ServiceUrl,
            AthenaOutputLocation = $"s3://{ResultsBucket}/primary/",
            QueryQueueTime = TimeSpan.FromMilliseconds(50),
        });
        var port = await LocalAwsApplication.StartAsync(_app, CancellationToken.None);
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        Aws = new AwsJsonClient(_http);
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await _s3.DisposeAsync();
    }

    public static string Unique(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public Task PutAsync(string key, string content) =>
        _s3.S3.PutObjectAsync(new PutObjectRequest { BucketName = DataBucket, Key = key, ContentBody = content });

    public async Task<IReadOnlyList<string>> ListAsync(string bucket, string prefix)
    {
        var response = await _s3.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = prefix });
        return [.. (response.S3Objects ?? []).Select(o => o.Key)];
    }

    public async Task<string> ReadAsync(string bucket, string key)
    {
        using var response = await _s3.S3.GetObjectAsync(bucket, key);
        using var reader = new StreamReader(response.ResponseStream);
        return await reader.ReadToEndAsync();
    }

    /// <summary>Runs a query to a terminal state and returns its QueryExecution.</summary>
    internal async Task<JsonObject> QueryAsync(string sql, string? database, string? token = null)
    {
        var start = new JsonObject { ["QueryString"] = sql };
        if (database is not null)
        {
            start["QueryExecutionContext"] = new JsonObject { ["Database"] = database };
        }

        if (token is not null)
        {
            start["ClientRequestToken"] = token;
        }

        var id = (string)(await Aws.AthenaAsync("StartQueryExecution", start.ToJsonString()))["QueryExecutionId"]!;
        return await WaitForQueryAsync(id);
    }

    internal async Task<JsonObject> WaitForQueryAsync(string id) =>
        await Eventually.WaitForAsync(
            async () => (JsonObject)(await Aws.AthenaAsync("GetQueryExecution", $$"""{"QueryExecutionId":"{{id}}"}"""))["QueryExecution"]!,
            q => (string?)q["Status"]!["State"] is "SUCCEEDED" or "FAILED" or "CANCELLED",
            TimeSpan.FromSeconds(60),
            $"query {id} to finish");

    /// <summary>Runs a SELECT that must succeed and returns its data rows (header row removed).</summary>
    internal async Task<List<string?[]>> SelectAsync(string sql, string database)
    {
        var execution = await QueryAsync(sql, database);
        Assert.True((string?)execution["Status"]!["State"] == "SUCCEEDED", execution.ToJsonString());
        var id = (string)execution["QueryExecutionId"]!;
        var rows = new List<string?[]>();
        string? token = null;
        do
        {
            var request = new JsonObject { ["QueryExecutionId"] = id };
            if (token is not null)
            {
                request["NextToken"] = token;
            }

            var page = await Aws.AthenaAsync("GetQueryResults", request.ToJsonString());
            rows.AddRange(((JsonArray)page["ResultSet"]!["Rows"]!).Select(r =>
                ((JsonArray)r!["Data"]!).Select(d => (string?)d!["VarCharValue"]).ToArray()));
            token = (string?)page["NextToken"];
        }
        while (token is not null);

        return rows.Skip(1).ToList();
    }

    /// <summary>Starts a job run and waits for a terminal state; returns the final JobRun.</summary>
    internal async Task<JsonObject> RunJobAsync(string job, string arguments = "{}")
    {
        var start = await Aws.GlueAsync("StartJobRun", $$"""{"JobName":"{{job}}","Arguments":{{arguments}}}""");
        return await WaitForRunAsync(job, (string)start["JobRunId"]!);
    }

    internal async Task<JsonObject> WaitForRunAsync(string job, string runId) =>
        await Eventually.WaitForAsync(
            async () => (JsonObject)(await Aws.GlueAsync("GetJobRun", $$"""{"JobName":"{{job}}","RunId":"{{runId}}"}"""))["JobRun"]!,
            r => (string?)r["JobRunState"] is "SUCCEEDED" or "FAILED" or "ERROR" or "STOPPED" or "TIMEOUT",
            TimeSpan.FromSeconds(60),
            $"job run {runId} to finish");
}
