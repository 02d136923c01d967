using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using LocalAws.Tests.Infrastructure;
using Orchestrator.IntegrationTests.Infrastructure;

namespace Orchestrator.IntegrationTests.LocalStack;

/// <summary>
/// The README's local stack, as a user drives it: <c>local/up --headless</c>, CSVs uploaded with an ordinary S3 client (the
/// emulator's bucket notification reaches the orchestrator), one Glue run, and the seed's query through Athena returning
/// the exact sums; SIGTERM then stops every process the script started.
/// </summary>
[Collection(LocalStackCollectionDefinition.Name)]
public sealed class HeadlessStackTests
{
    private const string Bucket = "data-lake-local";
    private const string Query =
        "SELECT name, SUM(amount) AS total_amount FROM my_table WHERE year = 2024 AND month = 1 GROUP BY name";

    // Building takes a while on a cold machine; after `dotnet test` built the Debug outputs the stack is up in seconds.
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan PipelineTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Uploaded_CSVs_reach_my_table_and_the_seed_query_returns_their_exact_sums_then_SIGTERM_stops_everything()
    {
        HeadlessStack.RequirePortsFree();
#if DEBUG
        // dotnet test has just built src/Orchestrator and local/LocalAws in Debug (project references), which local/up runs.
        string[] arguments = ["--no-build"];
#else
        string[] arguments = [];
#endif
        await using var stack = await HeadlessStack.StartAsync(arguments, ReadyTimeout);
        var children = stack.Children();

        using var s3 = new AmazonS3Client(new BasicAWSCredentials("any", "thing"), new AmazonS3Config
        {
            ServiceURL = "http://127.0.0.1:4566",
            AuthenticationRegion = "us-east-1",
            ForcePathStyle = true,
        });
        var files = new Dictionary<string, string>
        {
            ["raw/sales/year=2024/month=01/day one+two=ok.csv"] = "1,dave,12.25,2024-01-05\n2,erin,3.5,2024-01-06\n",
            ["raw/sales/year=2024/month=01/second file é.csv"] = "3,dave,0.75,2024-01-20\n4,frank,100,2024-01-31\n",
            ["raw/sales/year=2024/month=02/february.csv"] = "5,dave,1000,2024-02-01\n", // another month: not in the query
        };
        foreach (var (key, rows) in files)
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, ContentBody = "id,name,amount,date\n" + rows });
        }

        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:4567") };
        var aws = new AwsJsonClient(http);
        var run = await Eventually.WaitForAsync(
            async () => (await aws.GlueAsync("GetJobRuns", """{"JobName":"raw_to_curated"}"""))["JobRuns"]?.AsArray().FirstOrDefault(),
            r => r?["JobRunState"]?.GetValue<string>() is "SUCCEEDED" or "FAILED" or "ERROR" or "STOPPED" or "TIMEOUT",
            PipelineTimeout,
            "the Glue run of raw_to_curated that the uploads cause");
        Assert.True(run!["JobRunState"]!.GetValue<string>() == "SUCCEEDED", $"Glue run: {run}{Environment.NewLine}{stack.Output}");

        // The orchestrator registers my_table's new partitions right after it sees SUCCEEDED: until then the query is empty.
        var sums = await Eventually.WaitForAsync(
            () => QueryAsync(aws),
            result => result.Count > 0,
            PipelineTimeout,
            "my_table's partitions for 2024-01 to be registered");

        Assert.Equal(
            new Dictionary<string, decimal> { ["dave"] = 13.00m, ["erin"] = 3.5m, ["frank"] = 100m },
            sums);

        Assert.Equal(3, children.Count);
        var commandLines = children.Select(pid => HeadlessStack.CommandLine(pid) ?? "").ToList();
        Assert.Contains(commandLines, c => c.Contains("sqs-s3.mjs", StringComparison.Ordinal));
        Assert.Contains(commandLines, c => c.Contains("LocalAws.dll", StringComparison.Ordinal));
        Assert.Contains(commandLines, c => c.Contains("Orchestrator.dll", StringComparison.Ordinal));

        var exitCode = await stack.TerminateAsync();

        Assert.Equal(0, exitCode);
        Assert.All(children, pid => Assert.True(
            string.IsNullOrEmpty(HeadlessStack.CommandLine(pid)),
            $"process {pid} ({HeadlessStack.CommandLine(pid)}) still runs after local/up stopped"));
        HeadlessStack.RequirePortsFree();
    }

    private static async Task<Dictionary<string, decimal>> QueryAsync(AwsJsonClient aws)
    {
        var start = new JsonObject { ["QueryString"] = Query, ["QueryExecutionContext"] = new JsonObject { ["Database"] = "my_database" } };
        var id = (await aws.AthenaAsync("StartQueryExecution", start.ToJsonString()))["QueryExecutionId"]!.GetValue<string>();
        var idBody = new JsonObject { ["QueryExecutionId"] = id }.ToJsonString();
        var status = await Eventually.WaitForAsync(
            async () => (await aws.AthenaAsync("GetQueryExecution", idBody))["QueryExecution"]!["Status"]!,
            s => s["State"]!.GetValue<string>() is not ("QUEUED" or "RUNNING"),
            TimeSpan.FromSeconds(30),
            "the Athena query to finish");
        Assert.True(status["State"]!.GetValue<string>() == "SUCCEEDED", $"Athena: {status}");

        var rows = (await aws.AthenaAsync("GetQueryResults", idBody))["ResultSet"]!["Rows"]!.AsArray();
        Assert.Equal(["name", "total_amount"], rows[0]!["Data"]!.AsArray().Select(d => d!["VarCharValue"]!.GetValue<string>()));
        return rows.Skip(1).ToDictionary(
            row => row!["Data"]![0]!["VarCharValue"]!.GetValue<string>(),
            row => decimal.Parse(row!["Data"]![1]!["VarCharValue"]!.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture));
    }
}
