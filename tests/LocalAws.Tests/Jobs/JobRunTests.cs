using System.Text.Json.Nodes;
using LocalAws.Tests.Infrastructure;
using Orchestrator.IntegrationTests.Infrastructure;

namespace LocalAws.Tests.Jobs;

[Collection(LocalAwsCollectionDefinition.Name)]
public sealed class JobRunTests(LocalAwsFixture fixture)
{
    [Fact]
    public async Task Run_goes_through_STARTING_and_RUNNING_to_SUCCEEDED_with_its_arguments()
    {
        var job = await CreateJobAsync(maxConcurrentRuns: 1, defaults: """{"--local-run-seconds":"1"}""");
        var start = await fixture.Aws.GlueAsync("StartJobRun", $$"""{"JobName":"{{job}}","Arguments":{"--correlation-id":"c-42"} }""");
        var runId = (string)start["JobRunId"]!;

        var seen = new HashSet<string>();
        var final = await Eventually.WaitForAsync(
            async () =>
            {
                var run = (JsonObject)(await fixture.Aws.GlueAsync("GetJobRun", $$"""{"JobName":"{{job}}","RunId":"{{runId}}"}"""))["JobRun"]!;
                seen.Add((string)run["JobRunState"]!);
                return run;
            },
            run => (string?)run["JobRunState"] == "SUCCEEDED",
            TimeSpan.FromSeconds(30),
            "the run to succeed");

        Assert.StartsWith("jr_", runId, StringComparison.Ordinal);
        Assert.Contains("RUNNING", seen);
        Assert.Equal("c-42", (string?)final["Arguments"]!["--correlation-id"]);
        Assert.NotNull(final["CompletedOn"]);
        Assert.Null(final["ErrorMessage"]);
    }

    [Fact]
    public async Task MaxConcurrentRuns_is_enforced_with_ConcurrentRunsExceededException()
    {
        var job = await CreateJobAsync(maxConcurrentRuns: 2, defaults: """{"--local-run-seconds":"3"}""");

        var first = await fixture.Aws.GlueAsync("StartJobRun", $$"""{"JobName":"{{job}}"}""");
        await fixture.Aws.GlueAsync("StartJobRun", $$"""{"JobName":"{{job}}"}""");
        var third = await fixture.Aws.GlueErrorAsync("StartJobRun", $$"""{"JobName":"{{job}}"}""");
        await fixture.WaitForRunAsync(job, (string)first["JobRunId"]!);

        Assert.Equal("ConcurrentRunsExceededException", third.ErrorType);
    }

    [Theory]
    [InlineData("FAILED")]
    [InlineData("ERROR")]
    public async Task Outcome_argument_ends_the_run_in_that_state_with_an_error_message(string outcome)
    {
        var job = await CreateJobAsync(maxConcurrentRuns: 1, defaults: """{"--local-run-seconds":"0.2"}""");

        var run = await fixture.RunJobAsync(job, $$"""{"--local-outcome":"{{outcome}}","--local-error-message":"boom"}""");

        Assert.Equal(outcome, (string?)run["JobRunState"]);
        Assert.Equal("boom", (string?)run["ErrorMessage"]);
    }

    [Fact]
    public async Task Run_longer_than_its_timeout_ends_TIMEOUT_with_an_error_message()
    {
        var job = await CreateJobAsync(maxConcurrentRuns: 1, defaults: """{"--local-run-seconds":"30","--local-timeout-seconds":"0.5"}""");

        var run = await fixture.RunJobAsync(job);

        Assert.Equal("TIMEOUT", (string?)run["JobRunState"]);
        Assert.Contains("timed out", (string?)run["ErrorMessage"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task BatchStopJobRun_stops_a_running_run_and_reports_unknown_ids()
    {
        var job = await CreateJobAsync(maxConcurrentRuns: 1, defaults: """{"--local-run-seconds":"30"}""");
        var runId = (string)(await fixture.Aws.GlueAsync("StartJobRun", $$"""{"JobName":"{{job}}"}"""))["JobRunId"]!;

        var stop = await fixture.Aws.GlueAsync("BatchStopJobRun", $$"""{"JobName":"{{job}}","JobRunIds":["{{runId}}","jr_missing"]}""");
        var run = await fixture.WaitForRunAsync(job, runId);

        Assert.Equal(runId, (string?)Assert.Single((JsonArray)stop["SuccessfulSubmissions"]!)!["JobRunId"]);
        Assert.Equal("jr_missing", (string?)Assert.Single((JsonArray)stop["Errors"]!)!["JobRunId"]);
        Assert.Equal("STOPPED", (string?)run["JobRunState"]);
    }

    [Fact]
    public async Task GetJobRuns_returns_newest_first_and_pages()
    {
        var job = await CreateJobAsync(maxConcurrentRuns: 1, defaults: """{"--local-run-seconds":"0","--local-starting-seconds":"0"}""");
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((string)(await fixture.RunJobAsync(job, $$"""{"--n":"{{i}}"}"""))["Id"]!);
        }

        var first = await fixture.Aws.GlueAsync("GetJobRuns", $$"""{"JobName":"{{job}}","MaxResults":2}""");
        var second = await fixture.Aws.GlueAsync("GetJobRuns", $$"""{"JobName":"{{job}}","MaxResults":2,"NextToken":"{{(string)first["NextToken"]!}}"}""");

        var listed = ((JsonArray)first["JobRuns"]!).Concat((JsonArray)second["JobRuns"]!).Select(r => (string)r!["Id"]!).ToList();
        Assert.Equal(Enumerable.Reverse(ids), listed);
        Assert.Null(second["NextToken"]);
    }

    [Fact]
    public async Task Job_definition_round_trips_and_unknown_job_is_EntityNotFound()
    {
        var job = await CreateJobAsync(maxConcurrentRuns: 3, defaults: """{"--x":"y"}""");

        var got = (await fixture.Aws.GlueAsync("GetJob", $$"""{"JobName":"{{job}}"}"""))["Job"]!;
        var missing = await fixture.Aws.GlueErrorAsync("StartJobRun", """{"JobName":"no_such_job"}""");
        var noBookmark = await fixture.Aws.GlueErrorAsync("GetJobBookmark", $$"""{"JobName":"{{job}}"}""");

        Assert.Equal(3, (int?)got["ExecutionProperty"]!["MaxConcurrentRuns"]);
        Assert.Equal("y", (string?)got["DefaultArguments"]!["--x"]);
        Assert.Equal("glueetl", (string?)got["Command"]!["Name"]);
        Assert.Equal("EntityNotFoundException", missing.ErrorType);
        Assert.Equal("EntityNotFoundException", noBookmark.ErrorType);
    }

    private async Task<string> CreateJobAsync(int maxConcurrentRuns, string defaults)
    {
        var job = LocalAwsFixture.Unique("job");
        await fixture.Aws.GlueAsync("CreateJob", $$"""
            {"Name":"{{job}}","Role":"arn:aws:iam::000000000000:role/glue","Command":{"Name":"glueetl","ScriptLocation":"s3://scripts/other.py"},
             "ExecutionProperty":{"MaxConcurrentRuns":{{maxConcurrentRuns}}},"DefaultArguments":{{defaults}},"GlueVersion":"4.0"}
            """);
        return job;
    }
}
