using System.Net;
using Orchestrator.Jobs.Aws.Glue.Model;

namespace Orchestrator.UnitTests.Aws;

public sealed class RetryTests
{
    private readonly AwsTestClients aws = new();

    [Fact]
    public async Task Throttling_then_success_returns_one_result_after_re_signed_attempts()
    {
        aws.Handler
            .ThenError("ThrottlingException", HttpStatusCode.BadRequest)
            .ThenError("ThrottlingException", HttpStatusCode.BadRequest)
            .ThenJson("""{"JobRun":{"Id":"jr_1","JobRunState":"RUNNING"}}""");
        using var glue = aws.Glue();

        var response = await aws.Run(glue.GetJobRunAsync(new GetJobRunRequest { JobName = "j", RunId = "jr_1" }));

        Assert.Equal("jr_1", response.JobRun!.Id);
        Assert.Equal(3, aws.Handler.Requests.Count);
        // Each attempt is its own message, signed once by the signer: one Authorization and one X-Amz-Date each.
        Assert.Equal(3, aws.Handler.Requests.Select(r => r.Message).Distinct().Count());
        Assert.All(aws.Handler.Requests, r =>
        {
            Assert.Single(r.Message.Headers.GetValues("Authorization"));
            Assert.Single(r.Message.Headers.GetValues("X-Amz-Date"));
            Assert.Equal(aws.Handler.Requests[0].Body, r.Body);
        });
    }

    [Fact]
    public async Task Backoff_waits_on_the_clock_between_attempts()
    {
        aws.Handler.ThenError("ThrottlingException", HttpStatusCode.BadRequest).ThenJson("""{"JobRunId":"jr_1"}""");
        using var glue = aws.Glue();
        var started = aws.Time.GetUtcNow();

        var call = glue.StartJobRunAsync(new StartJobRunRequest { JobName = "j" });
        await WaitFor(() => aws.Handler.Requests.Count == 1);
        Assert.False(call.IsCompleted);
        aws.Time.Advance(TimeSpan.FromMilliseconds(199));
        Assert.Single(aws.Handler.Requests);
        await aws.Run(call);

        Assert.Equal(2, aws.Handler.Requests.Count);
        Assert.True(aws.Time.GetUtcNow() - started >= TimeSpan.FromMilliseconds(200));
    }

    [Theory]
    [InlineData("InvalidInputException")]
    [InlineData("EntityNotFoundException")]
    [InlineData("AlreadyExistsException")]
    [InlineData("AccessDeniedException")]
    [InlineData("ConcurrentRunsExceededException")]
    public async Task Errors_that_a_retry_cannot_fix_are_thrown_after_one_attempt(string code)
    {
        aws.Handler.ThenError(code, HttpStatusCode.BadRequest).ThenJson("""{"JobRunId":"never"}""");
        using var glue = aws.Glue();

        var ex = await Assert.ThrowsAnyAsync<Orchestrator.Jobs.Aws.Glue.AmazonGlueException>(
            () => aws.Run(glue.StartJobRunAsync(new StartJobRunRequest { JobName = "j" })));

        Assert.Equal(code, ex.ErrorCode);
        Assert.Single(aws.Handler.Requests);
    }

    [Fact]
    public async Task Attempts_are_bounded()
    {
        aws.Options.MaxAttempts = 3;
        aws.Handler.ThenError("ThrottlingException", HttpStatusCode.BadRequest);
        using var glue = aws.Glue();

        var ex = await Assert.ThrowsAsync<ThrottlingException>(() => aws.Run(glue.GetJobAsync(new GetJobRequest { JobName = "j" })));

        Assert.True(ex.IsRetryable);
        Assert.Equal(3, aws.Handler.Requests.Count);
    }

    [Fact]
    public async Task Total_retry_time_is_bounded()
    {
        // Delays with full jitter at 1: 200, 400, 800 ms… The third retry would end past 1 s, so it never starts.
        aws.Options.MaxAttempts = 20;
        aws.Options.MaxRetryTime = TimeSpan.FromSeconds(1);
        aws.Handler.ThenError("InternalServiceException", HttpStatusCode.InternalServerError);
        using var glue = aws.Glue();
        var started = aws.Time.GetUtcNow();

        await Assert.ThrowsAsync<InternalServiceException>(() => aws.Run(glue.GetJobAsync(new GetJobRequest { JobName = "j" })));

        Assert.Equal(3, aws.Handler.Requests.Count);
        Assert.True(aws.Time.GetUtcNow() - started < TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Transient_network_errors_and_5xx_are_retried_for_idempotent_operations()
    {
        aws.Handler
            .ThenThrow(new HttpRequestException(HttpRequestError.ResponseEnded, "reset", new IOException("connection reset")))
            .ThenThrow(new IOException("broken pipe"))
            .Then(_ => FakeAwsHandler.Json(HttpStatusCode.BadGateway, "<html/>"))
            .ThenJson("""{"Job":{"Name":"j","MaxRetries":0}}""");
        using var glue = aws.Glue();

        var response = await aws.Run(glue.GetJobAsync(new GetJobRequest { JobName = "j" }));

        Assert.Equal("j", response.Job!.Name);
        Assert.Equal(4, aws.Handler.Requests.Count);
    }

    [Fact]
    public async Task StartJobRun_is_not_repeated_when_the_run_may_have_started()
    {
        aws.Handler.ThenError("InternalServiceException", HttpStatusCode.InternalServerError).ThenJson("""{"JobRunId":"jr_2"}""");
        using var glue = aws.Glue();

        var ex = await Assert.ThrowsAsync<InternalServiceException>(() => aws.Run(glue.StartJobRunAsync(new StartJobRunRequest { JobName = "j" })));

        Assert.True(ex.IsRetryable);
        Assert.Single(aws.Handler.Requests);
    }

    [Fact]
    public async Task StartJobRun_is_repeated_when_the_connection_was_never_made()
    {
        aws.Handler
            .ThenThrow(new HttpRequestException(HttpRequestError.ConnectionError, "refused"))
            .ThenJson("""{"JobRunId":"jr_1"}""");
        using var glue = aws.Glue();

        var response = await aws.Run(glue.StartJobRunAsync(new StartJobRunRequest { JobName = "j" }));

        Assert.Equal("jr_1", response.JobRunId);
        Assert.Equal(2, aws.Handler.Requests.Count);
    }

    [Fact]
    public async Task An_attempt_that_times_out_on_the_clock_is_retried()
    {
        aws.Options.AttemptTimeout = TimeSpan.FromSeconds(5);
        aws.Options.MaxAttempts = 2;
        aws.Handler.ThenHang();
        using var glue = aws.Glue();
        var started = aws.Time.GetUtcNow();

        var ex = await Assert.ThrowsAsync<TimeoutException>(() => aws.Run(glue.GetJobAsync(new GetJobRequest { JobName = "j" })));

        Assert.Equal(2, aws.Handler.Requests.Count);
        Assert.Contains("Glue.GetJob", ex.Message, StringComparison.Ordinal);
        Assert.True(aws.Time.GetUtcNow() - started >= TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_callers_cancellation_during_an_attempt_is_not_retried()
    {
        aws.Handler.ThenHang();
        using var glue = aws.Glue();
        using var cts = new CancellationTokenSource();

        var call = glue.GetJobAsync(new GetJobRequest { JobName = "j" }, cts.Token);
        await WaitFor(() => aws.Handler.Requests.Count == 1);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(aws.Handler.Requests);
    }

    [Fact]
    public async Task Cancellation_during_a_backoff_delay_ends_the_call_without_another_attempt()
    {
        aws.Handler.ThenError("ThrottlingException", HttpStatusCode.BadRequest);
        using var glue = aws.Glue();
        using var cts = new CancellationTokenSource();

        var call = glue.GetJobAsync(new GetJobRequest { JobName = "j" }, cts.Token);
        await WaitFor(() => aws.Handler.Requests.Count == 1);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(aws.Handler.Requests);
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
