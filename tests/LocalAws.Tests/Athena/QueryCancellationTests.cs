using LocalAws.Hosting;
using LocalAws.Tests.Infrastructure;
using Orchestrator.IntegrationTests.Infrastructure;

namespace LocalAws.Tests.Athena;

/// <summary>
/// Its own emulator with a long QUEUED phase, so StopQueryExecution deterministically reaches a query before it runs.
/// </summary>
public sealed class QueryCancellationTests
{
    [Fact]
    public async Task StopQueryExecution_cancels_a_queued_query_and_results_are_refused()
    {
        await using var app = LocalAwsApplication.Build(new LocalAwsOptions
        {
            Port = 0,
            AthenaOutputLocation = "s3://results/",
            QueryQueueTime = TimeSpan.FromSeconds(30),
        });
        var port = await LocalAwsApplication.StartAsync(app, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var aws = new AwsJsonClient(http);
        var id = (string)(await aws.AthenaAsync("StartQueryExecution", """{"QueryString":"SELECT 1"}"""))["QueryExecutionId"]!;

        var queued = await aws.AthenaAsync("GetQueryExecution", $$"""{"QueryExecutionId":"{{id}}"}""");
        await aws.AthenaAsync("StopQueryExecution", $$"""{"QueryExecutionId":"{{id}}"}""");
        var cancelled = await Eventually.WaitForAsync(
            () => aws.AthenaAsync("GetQueryExecution", $$"""{"QueryExecutionId":"{{id}}"}"""),
            q => (string?)q["QueryExecution"]!["Status"]!["State"] == "CANCELLED",
            TimeSpan.FromSeconds(10),
            "the query to be cancelled");
        var results = await aws.AthenaErrorAsync("GetQueryResults", $$"""{"QueryExecutionId":"{{id}}"}""");

        Assert.Equal("QUEUED", (string?)queued["QueryExecution"]!["Status"]!["State"]);
        Assert.NotNull(cancelled["QueryExecution"]!["Status"]!["CompletionDateTime"]);
        Assert.Equal("InvalidRequestException", results.ErrorType);
        await app.StopAsync();
    }
}
