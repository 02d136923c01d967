using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Jobs.Queries;

namespace Orchestrator.UnitTests.Queries;

public sealed class AthenaQueryRunnerTests
{
    private static AthenaQueryOptions Fast(Action<AthenaQueryOptions>? change = null)
    {
        var options = new AthenaQueryOptions
        {
            WorkGroup = "orchestrator",
            OutputLocation = "s3://results/orchestrator/",
            MinPollInterval = TimeSpan.FromMilliseconds(1),
            MaxPollInterval = TimeSpan.FromMilliseconds(5),
            ThrottleBackoff = TimeSpan.FromMilliseconds(1),
        };
        change?.Invoke(options);
        return options;
    }

    private static AthenaQueryRunner Runner(ScriptedAthena athena, AthenaQueryOptions options) =>
        new(athena, options, TimeProvider.System, NullLogger<AthenaQueryRunner>.Instance);

    [Fact]
    public async Task A_statement_is_started_with_its_token_workgroup_output_and_parameters_and_polled_to_SUCCEEDED()
    {
        var athena = new ScriptedAthena { FinishAfterPolls = 3 };
        using var runner = Runner(athena, Fast());

        var outcome = await runner.RunAsync(
            new AthenaStatement("SELECT count(*) FROM sales WHERE day >= ?", "lake", "sales", "maintenance.check",
                "check-sales-20261125T030000Z-000000000000", ["'2026-11-24'"]),
            CancellationToken.None);

        var start = Assert.Single(athena.Starts);
        Assert.Equal("check-sales-20261125T030000Z-000000000000", start.ClientRequestToken);
        Assert.Equal("orchestrator", start.WorkGroup);
        Assert.Equal("s3://results/orchestrator/", start.ResultConfiguration!.OutputLocation);
        Assert.Equal("lake", start.QueryExecutionContext!.Database);
        Assert.Equal(["'2026-11-24'"], start.ExecutionParameters!);
        Assert.True(outcome.Succeeded);
        Assert.Equal(3_000_000, outcome.BytesScanned);
        Assert.Equal(42, outcome.EngineMillis);
    }

    [Fact]
    public async Task Repeating_a_token_after_a_restart_reattaches_to_the_same_query()
    {
        var athena = new ScriptedAthena { FinishAfterPolls = null };
        var statement = new AthenaStatement("OPTIMIZE sales REWRITE DATA USING BIN_PACK", "lake", "sales", "maintenance.optimize",
            "optimize-sales-20261125T030000Z-0000000000000000");
        using var first = Runner(athena, Fast());
        using var crash = new CancellationTokenSource();
        var abandoned = first.RunAsync(statement, crash.Token);
        await WaitUntil(() => athena.Running.Count == 1);
        await crash.CancelAsync(); // the worker dies mid-query: the query keeps running in Athena

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        using var restarted = Runner(athena, Fast());
        var again = restarted.RunAsync(statement, CancellationToken.None);
        string id = Assert.Single(athena.Running);
        athena.Finish(id, "SUCCEEDED");
        var outcome = await again;

        Assert.Equal(id, outcome.QueryExecutionId);
        Assert.Equal(2, athena.Starts.Count);
        Assert.Empty(athena.Stops);
    }

    [Fact]
    public async Task TooManyRequests_is_waited_out_with_the_same_token()
    {
        var athena = new ScriptedAthena();
        athena.ThrottleNextStarts(3);
        using var runner = Runner(athena, Fast());

        var outcome = await runner.RunAsync(new AthenaStatement("SELECT 1", "lake", "sales", "maintenance.sql"), CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(4, athena.Starts.Count);
        Assert.Single(athena.Starts.Select(s => s.ClientRequestToken).Distinct());
    }

    [Fact]
    public async Task Throttling_past_the_timeout_fails_with_a_clear_error()
    {
        var athena = new ScriptedAthena();
        athena.ThrottleNextStarts(int.MaxValue);
        using var runner = Runner(athena, Fast(o =>
        {
            o.QueryTimeout = TimeSpan.FromMilliseconds(200);
            o.ThrottleBackoff = TimeSpan.FromMilliseconds(20);
        }));

        var error = await Assert.ThrowsAsync<AthenaQueryFailedException>(
            () => runner.RunAsync(new AthenaStatement("SELECT 1", "lake", "sales", "maintenance.sql"), CancellationToken.None));

        Assert.Contains("TooManyRequestsException", error.Message, StringComparison.Ordinal);
        Assert.Contains("maintenance.sql", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_past_the_timeout_is_stopped_and_reported_TIMED_OUT()
    {
        var athena = new ScriptedAthena { FinishAfterPolls = null };
        using var runner = Runner(athena, Fast(o => o.QueryTimeout = TimeSpan.FromMilliseconds(150)));

        var outcome = await runner.RunAsync(new AthenaStatement("SELECT 1", "lake", "sales", "maintenance.sql"), CancellationToken.None);

        Assert.Equal(AthenaQueryOutcome.TimedOut, outcome.State);
        Assert.Equal(outcome.QueryExecutionId, Assert.Single(athena.Stops));
        Assert.Throws<AthenaQueryFailedException>(() => outcome.EnsureSucceeded());
    }

    [Fact]
    public async Task A_failed_query_carries_Athenas_reason()
    {
        var athena = new ScriptedAthena { FinalState = "FAILED" };
        using var runner = Runner(athena, Fast());

        var outcome = await runner.RunAsync(new AthenaStatement("SELECT nope FROM sales", "lake", "sales", "maintenance.check"), CancellationToken.None);

        Assert.Equal("FAILED", outcome.State);
        var error = Assert.Throws<AthenaQueryFailedException>(() => outcome.EnsureSucceeded());
        Assert.Contains("COLUMN_NOT_FOUND", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_burst_of_DDL_never_has_more_than_the_cap_in_flight_while_other_queries_are_not_held()
    {
        var athena = new ScriptedAthena { FinishAfterPolls = 4 };
        using var runner = Runner(athena, Fast(o => o.MaxConcurrentDdl = 3));

        var ddl = Enumerable.Range(0, 20).Select(i => runner.RunAsync(
            new AthenaStatement($"ALTER TABLE sales ADD IF NOT EXISTS PARTITION (day = '{i}')", "lake", "sales", "partitions.ddl", IsDdl: true),
            CancellationToken.None)).ToList();
        var outcomes = await Task.WhenAll(ddl);

        Assert.All(outcomes, o => Assert.True(o.Succeeded));
        Assert.Equal(20, athena.Starts.Count);
        Assert.InRange(athena.MaxRunning, 1, 3);
        Assert.Equal(0, runner.DdlInFlight);
    }

    [Fact]
    public async Task ReadRows_skips_the_header_row()
    {
        var athena = new ScriptedAthena();
        using var runner = Runner(athena, Fast());

        var rows = await runner.ReadRowsAsync("q-1", CancellationToken.None);

        Assert.Equal("7", Assert.Single(Assert.Single(rows)));
    }

    [Theory]
    [InlineData(false, "SUCCEEDED", 0, 10L * 1024 * 1024)] // minimum 10 MB per query
    [InlineData(false, "SUCCEEDED", 11L * 1024 * 1024 + 1, 12L * 1024 * 1024)] // rounded up to whole MB
    [InlineData(false, "CANCELLED", 50L * 1024 * 1024, 50L * 1024 * 1024)] // a stopped query pays for what it scanned
    [InlineData(false, "FAILED", 50L * 1024 * 1024, 0)] // failed queries are free
    [InlineData(true, "SUCCEEDED", 50L * 1024 * 1024, 0)] // DDL is free
    public void Estimated_cost_follows_Athenas_billing_rules(bool ddl, string state, long scanned, long billedBytes)
    {
        double cost = AthenaQueryRunner.EstimatedCost(ddl, state, scanned, pricePerTerabyte: 5.0);

        Assert.Equal(billedBytes / (1024d * 1024 * 1024 * 1024) * 5.0, cost, precision: 12);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (int i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
