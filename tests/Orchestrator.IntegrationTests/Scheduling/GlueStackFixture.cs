using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using LocalAws.Hosting;
using LocalAws.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestrator.IntegrationTests.Infrastructure;

namespace Orchestrator.IntegrationTests.Scheduling;

/// <summary>
/// The whole local AWS: the SQS/S3 emulator (fauxqs) and the Glue/Athena emulator (LocalAws, in-process on a free port,
/// reading and writing the same S3). Each test builds its own lake (database, tables, job, S3 prefix) with <see cref="CreateLakeAsync"/>.
/// </summary>
public sealed class GlueStackFixture : IAsyncLifetime
{
    public const string Bucket = "lake-data";
    private const string Results = "athena-results";

    private WebApplication? app;
    private HttpClient? http;

    public SqsS3EmulatorFixture Emulator { get; } = new();

    public Uri GlueUrl { get; private set; } = null!;

    internal AwsJsonClient Aws { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Emulator.InitializeAsync();
        await Emulator.S3.PutBucketAsync(Bucket);
        await Emulator.S3.PutBucketAsync(Results);
        app = LocalAwsApplication.Build(new LocalAwsOptions
        {
            Port = 0,
            S3Endpoint = Emulator.ServiceUrl,
            AthenaOutputLocation = $"s3://{Results}/primary/",
            QueryQueueTime = TimeSpan.FromMilliseconds(20),
        }, logging => logging.ClearProviders()); // request logs of the emulator would drown the test output
        int port = await LocalAwsApplication.StartAsync(app, CancellationToken.None);
        GlueUrl = new Uri($"http://127.0.0.1:{port}");
        http = new HttpClient { BaseAddress = GlueUrl };
        Aws = new AwsJsonClient(http);
    }

    /// <summary>Points an in-process worker's Glue and Athena clients at LocalAws and its S3 client at the emulator.</summary>
    internal void UseLocalAws(HostApplicationBuilder builder)
    {
        builder.Services.Configure<Orchestrator.Jobs.Aws.AwsClientOptions>(o =>
        {
            o.GlueEndpoint = GlueUrl;
            o.AthenaEndpoint = GlueUrl;
            o.Region = "us-east-1";
            o.Credentials = new BasicAWSCredentials("test", "test");
        });
        builder.Services.AddSingleton<IAmazonS3>(Emulator.S3);
    }

    public async Task DisposeAsync()
    {
        http?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        await Emulator.DisposeAsync();
    }

    /// <summary>
    /// The orchestrator in the test process on this stack: SQS and S3 on the emulator, Glue and Athena on LocalAws.
    /// <paramref name="configure"/> runs first (a test's exporters, for example).
    /// </summary>
    internal Task<InProcessWorker> StartWorkerAsync(Dictionary<string, string?> settings, Action<HostApplicationBuilder>? configure = null) =>
        InProcessWorker.StartAsync(Emulator.Sqs, settings, configure: builder =>
        {
            configure?.Invoke(builder);
            UseLocalAws(builder);
        });

    /// <summary>
    /// The seed's names under a unique prefix: database, raw CSV table <c>raw_sales</c> (year INT, month INT), curated Parquet
    /// table <c>my_table</c>, and the job running the local raw_to_curated with bookmarks.
    /// </summary>
    public async Task<Lake> CreateLakeAsync(double runSeconds = 1, string? outcome = null, int maxConcurrentRuns = 1,
        IReadOnlyDictionary<string, string>? extraArguments = null)
    {
        string id = Guid.NewGuid().ToString("N")[..10];
        var lake = new Lake($"db_{id}", $"raw_to_curated_{id}", $"t{id}/raw/sales/", $"t{id}/curated/my_table/");
        string columns = """[{"Name":"id","Type":"int"},{"Name":"name","Type":"string"},{"Name":"amount","Type":"double"},{"Name":"date","Type":"date"}]""";
        string keys = """[{"Name":"year","Type":"int"},{"Name":"month","Type":"int"}]""";
        await Aws.GlueAsync("CreateDatabase", new JsonObject { ["DatabaseInput"] = new JsonObject { ["Name"] = lake.Database } }.ToJsonString());
        await Aws.GlueAsync("CreateTable", Fill("""
            {"DatabaseName":"__DB__","TableInput":{"Name":"raw_sales","TableType":"EXTERNAL_TABLE","PartitionKeys":__KEYS__,
             "Parameters":{"classification":"csv","skip.header.line.count":"1"},
             "StorageDescriptor":{"Columns":__COLUMNS__,"Location":"s3://__BUCKET__/__PREFIX__",
               "InputFormat":"org.apache.hadoop.mapred.TextInputFormat","OutputFormat":"org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
               "SerdeInfo":{"SerializationLibrary":"org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe","Parameters":{"field.delim":","}}}}}
            """, lake, lake.RawPrefix, keys, columns));
        await Aws.GlueAsync("CreateTable", Fill("""
            {"DatabaseName":"__DB__","TableInput":{"Name":"my_table","TableType":"EXTERNAL_TABLE","PartitionKeys":__KEYS__,
             "Parameters":{"classification":"parquet"},
             "StorageDescriptor":{"Columns":__COLUMNS__,"Location":"s3://__BUCKET__/__PREFIX__",
               "InputFormat":"org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat","OutputFormat":"org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
               "SerdeInfo":{"SerializationLibrary":"org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"}}}}
            """, lake, lake.CuratedPrefix, keys, columns));
        var arguments = new JsonObject
        {
            ["--local-run-seconds"] = runSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["--local-starting-seconds"] = "0.1",
            ["--source_database"] = lake.Database,
            ["--source_table"] = "raw_sales",
            ["--target_database"] = lake.Database,
            ["--target_table"] = "my_table",
        };
        foreach (var (key, value) in extraArguments ?? new Dictionary<string, string>())
        {
            arguments[key] = value;
        }

        if (outcome is not null)
        {
            arguments["--local-outcome"] = outcome;
            arguments["--local-error-message"] = $"injected {outcome}";
        }

        await Aws.GlueAsync("CreateJob", new JsonObject
        {
            ["Name"] = lake.Job,
            ["Role"] = "arn:aws:iam::000000000000:role/glue",
            ["Command"] = new JsonObject { ["Name"] = "glueetl", ["ScriptLocation"] = "s3://scripts/raw_to_curated.py" },
            ["ExecutionProperty"] = new JsonObject { ["MaxConcurrentRuns"] = maxConcurrentRuns },
            ["DefaultArguments"] = arguments,
        }.ToJsonString());
        return lake;
    }

    private static string Fill(string template, Lake lake, string prefix, string keys, string columns) => template
        .Replace("__DB__", lake.Database, StringComparison.Ordinal).Replace("__KEYS__", keys, StringComparison.Ordinal)
        .Replace("__COLUMNS__", columns, StringComparison.Ordinal).Replace("__BUCKET__", Bucket, StringComparison.Ordinal)
        .Replace("__PREFIX__", prefix, StringComparison.Ordinal);

    /// <summary>Uploads a CSV with the seed's header and returns the key.</summary>
    public async Task<string> UploadAsync(Lake lake, int year, int month, string file, IEnumerable<(int Id, string Name, double Amount)> rows)
    {
        string key = $"{lake.RawPrefix}year={year}/month={month:D2}/{file}";
        var csv = new StringBuilder("id,name,amount,date\n");
        foreach (var (rowId, name, amount) in rows)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{rowId},{name},{amount},{year}-{month:D2}-15\n");
        }

        await Emulator.S3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, ContentBody = csv.ToString() });
        return key;
    }

    /// <summary>Glue's runs of the job, newest first, as the emulator reports them.</summary>
    internal async Task<List<JsonObject>> JobRunsAsync(string job)
    {
        var runs = new List<JsonObject>();
        string? token = null;
        do
        {
            var body = new JsonObject { ["JobName"] = job, ["MaxResults"] = 200 };
            if (token is not null)
            {
                body["NextToken"] = token;
            }

            var page = await Aws.GlueAsync("GetJobRuns", body.ToJsonString());
            runs.AddRange(((JsonArray?)page["JobRuns"] ?? []).Select(r => (JsonObject)r!));
            token = (string?)page["NextToken"];
        }
        while (token is not null);

        return runs;
    }

    /// <summary>Runs a SELECT through the Athena emulator to success and returns the data rows (header row removed).</summary>
    internal async Task<List<string?[]>> SelectAsync(string sql, string database)
    {
        var start = new JsonObject { ["QueryString"] = sql, ["QueryExecutionContext"] = new JsonObject { ["Database"] = database } };
        string id = (string)(await Aws.AthenaAsync("StartQueryExecution", start.ToJsonString()))["QueryExecutionId"]!;
        var execution = await Eventually.WaitForAsync(
            async () => (JsonObject)(await Aws.AthenaAsync("GetQueryExecution", new JsonObject { ["QueryExecutionId"] = id }.ToJsonString()))["QueryExecution"]!,
            q => (string?)q["Status"]!["State"] is "SUCCEEDED" or "FAILED" or "CANCELLED", TimeSpan.FromSeconds(60), $"query {id}");
        Assert.True((string?)execution["Status"]!["State"] == "SUCCEEDED", execution.ToJsonString());
        var page = await Aws.AthenaAsync("GetQueryResults", new JsonObject { ["QueryExecutionId"] = id }.ToJsonString());
        return ((JsonArray)page["ResultSet"]!["Rows"]!).Skip(1)
            .Select(r => ((JsonArray)r!["Data"]!).Select(d => (string?)d!["VarCharValue"]).ToArray()).ToList();
    }

    /// <summary>Registered partitions of a table, as "year/month" values.</summary>
    internal async Task<List<string>> PartitionsAsync(string database, string table)
    {
        var page = await Aws.GlueAsync("GetPartitions", $$"""{"DatabaseName":"{{database}}","TableName":"{{table}}"}""");
        return ((JsonArray?)page["Partitions"] ?? []).Select(p => string.Join('/', ((JsonArray)p!["Values"]!).Select(v => (string)v!))).Order().ToList();
    }
}
