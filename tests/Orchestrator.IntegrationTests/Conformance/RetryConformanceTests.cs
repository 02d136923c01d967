using System.Diagnostics;
using System.Text.Json.Nodes;
using Orchestrator.Jobs.Aws.Athena.Model;
using Orchestrator.Jobs.Aws.Glue;
using Orchestrator.Jobs.Aws.Glue.Model;

namespace Orchestrator.IntegrationTests.Conformance;

/// <summary>
/// The clients' retries against the emulator's injected faults (POST /__admin/faults): throttling and 5xx are retried and
/// the span counts the retries; StartJobRun after a 5xx is not (the run may have started); Athena retries keep the token.
/// </summary>
[Collection(ConformanceCollectionDefinition.Name)]
public sealed class RetryConformanceTests : IAsyncLifetime
{
    private readonly ConformanceFixture _fixture;

    public RetryConformanceTests(ConformanceFixture fixture) => _fixture = fixture;

    public Task InitializeAsync()
    {
        _fixture.Wire.Clear();
        return _fixture.ClearFaultsAsync();
    }

    public Task DisposeAsync() => _fixture.ClearFaultsAsync();

    [Fact]
    public async Task Throttled_GetJob_is_retried_until_it_succeeds_and_the_span_counts_two_retries()
    {
        var job = await CreateJobAsync();
        await _fixture.FaultAsync("AWSGlue.GetJob", throttleRate: 1, count: 2);

        using var test = ConformanceFixture.TestSource.StartActivity("throttled GetJob");
        var response = await _fixture.Glue.GetJobAsync(new GetJobRequest { JobName = job });
        var span = Assert.Single(_fixture.ClientSpans(test));

        Assert.Equal(job, response.Job!.Name);
        Assert.Equal(["ThrottlingException", "ThrottlingException", null], Errors("GetJob"));
        Assert.Equal("Glue.GetJob", span.DisplayName);
        Assert.Equal(2, span.GetTagItem("orchestrator.aws.retries"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        _fixture.AssertWireConformsToModels();
    }

    [Fact]
    public async Task A_5xx_on_GetPartitions_is_retried_and_the_call_succeeds()
    {
        await _fixture.FaultAsync("GetPartitions", serverErrorRate: 1, count: 1);

        using var test = ConformanceFixture.TestSource.StartActivity("5xx GetPartitions");
        var error = await Record(() => _fixture.Glue.GetPartitionsAsync(new GetPartitionsRequest { DatabaseName = "nope", TableName = "nope" }));
        var span = Assert.Single(_fixture.ClientSpans(test));

        // The retry reached the emulator's real answer for a missing table.
        Assert.IsType<EntityNotFoundException>(error);
        Assert.Equal(["InternalServiceException", "EntityNotFoundException"], Errors("GetPartitions"));
        Assert.Equal(1, span.GetTagItem("orchestrator.aws.retries"));
        Assert.Equal("EntityNotFoundException", span.GetTagItem("error.type"));
        _fixture.AssertWireConformsToModels();
    }

    [Fact]
    public async Task StartJobRun_after_a_5xx_is_not_retried_and_no_run_started()
    {
        var job = await CreateJobAsync();
        await _fixture.FaultAsync("AWSGlue.StartJobRun", serverErrorRate: 1, count: 1);

        using var test = ConformanceFixture.TestSource.StartActivity("5xx StartJobRun");
        var error = await Assert.ThrowsAsync<InternalServiceException>(() => _fixture.Glue.StartJobRunAsync(new StartJobRunRequest { JobName = job }));
        var span = Assert.Single(_fixture.ClientSpans(test));
        var runs = await _fixture.Glue.GetJobRunsAsync(new GetJobRunsRequest { JobName = job });

        Assert.Equal(["InternalServiceException"], Errors("StartJobRun"));
        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(0, span.GetTagItem("orchestrator.aws.retries"));
        Assert.Equal("InternalServiceException", span.GetTagItem("error.type"));
        Assert.True(runs.JobRuns is null or { Count: 0 }, "the caller looks before it starts another");
        _fixture.AssertWireConformsToModels();
    }

    [Fact]
    public async Task Throttled_StartJobRun_is_retried_because_the_run_certainly_did_not_start()
    {
        var job = await CreateJobAsync();
        await _fixture.FaultAsync("AWSGlue.StartJobRun", throttleRate: 1, count: 1);

        var id = (await _fixture.Glue.StartJobRunAsync(new StartJobRunRequest { JobName = job })).JobRunId;
        var runs = await _fixture.Glue.GetJobRunsAsync(new GetJobRunsRequest { JobName = job });

        Assert.Equal(["ThrottlingException", null], Errors("StartJobRun"));
        Assert.Equal(id, Assert.Single(runs.JobRuns!).Id);
        _fixture.AssertWireConformsToModels();
    }

    [Fact]
    public async Task Throttled_StartQueryExecution_is_retried_with_the_same_ClientRequestToken()
    {
        await _fixture.FaultAsync("AmazonAthena.StartQueryExecution", throttleRate: 1, count: 2);

        using var test = ConformanceFixture.TestSource.StartActivity("throttled StartQueryExecution");
        var request = new StartQueryExecutionRequest { QueryString = "SELECT 1" };
        var id = (await _fixture.Athena.StartQueryExecutionAsync(request)).QueryExecutionId;
        var span = Assert.Single(_fixture.ClientSpans(test));
        var bodies = _fixture.Wire.Exchanges.Where(e => e.Operation == "StartQueryExecution").Select(e => e.RequestBody).ToList();

        Assert.NotNull(id);
        Assert.Equal(["TooManyRequestsException", "TooManyRequestsException", null], Errors("StartQueryExecution"));
        Assert.Equal(3, bodies.Count);
        Assert.Single(bodies.Distinct());
        Assert.Contains(request.ClientRequestToken!, bodies[0], StringComparison.Ordinal);
        Assert.Equal(2, span.GetTagItem("orchestrator.aws.retries"));
        _fixture.AssertWireConformsToModels();
    }

    [Fact]
    public async Task Throttling_beyond_MaxAttempts_surfaces_TooManyRequestsException_with_the_error_on_the_span()
    {
        await _fixture.FaultAsync("AmazonAthena.GetWorkGroup", throttleRate: 1);

        using var test = ConformanceFixture.TestSource.StartActivity("throttled GetWorkGroup");
        var error = await Assert.ThrowsAsync<TooManyRequestsException>(() =>
            _fixture.Athena.GetWorkGroupAsync(new GetWorkGroupRequest { WorkGroup = "primary" }));
        var span = Assert.Single(_fixture.ClientSpans(test));

        Assert.True(error.IsThrottling);
        Assert.Equal(4, Errors("GetWorkGroup").Count); // MaxAttempts = 4 in the fixture
        Assert.Equal(3, span.GetTagItem("orchestrator.aws.retries"));
        Assert.Equal("TooManyRequestsException", span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        _fixture.AssertWireConformsToModels();
    }

    private static async Task<Exception?> Record(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (Exception error) when (error is Orchestrator.Jobs.Aws.AwsServiceException)
        {
            return error;
        }
    }

    /// <summary>The error code of each attempt of <paramref name="operation"/> (null for a success), in order.</summary>
    private List<string?> Errors(string operation) =>
        [.. _fixture.Wire.Exchanges.Where(e => e.Operation == operation)
            .Select(e => (int)e.Status < 300 ? null : (string?)JsonNode.Parse(e.ResponseBody)!["__type"])];

    private async Task<string> CreateJobAsync()
    {
        var name = ConformanceFixture.Unique("job");
        await _fixture.SetupAsync("AWSGlue.CreateJob", new JsonObject
        {
            ["Name"] = name, ["Role"] = "arn:aws:iam::000000000000:role/glue",
            ["Command"] = new JsonObject { ["Name"] = "glueetl", ["ScriptLocation"] = "s3://scripts/job.py" },
            ["DefaultArguments"] = new JsonObject { ["--local-run-seconds"] = "0.2" },
        });
        return name;
    }
}
