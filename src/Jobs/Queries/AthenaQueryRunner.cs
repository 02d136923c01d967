using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Orchestrator.Jobs.Aws.Athena;
using Orchestrator.Jobs.Aws.Athena.Model;

namespace Orchestrator.Jobs.Queries;

/// <summary>
/// Runs one Athena statement to its end: StartQueryExecution in the configured workgroup with the statement's ClientRequestToken
/// (a restarted worker that repeats the token gets the query already running, not a second one), TooManyRequestsException waited
/// out with jittered backoff, GetQueryExecution polled with backoff until SUCCEEDED / FAILED / CANCELLED, a query past the timeout
/// stopped. DDL goes through a client-side concurrency cap because Athena's DDL quota is shared by the account.
/// Cancellation (shutdown) leaves the query running on purpose: the next worker reattaches to it by its token.
/// </summary>
public sealed partial class AthenaQueryRunner : IDisposable
{
    private const long BillingMinimumBytes = 10L * 1024 * 1024; // Athena bills at least 10 MB per query, rounded up to whole MB
    private const double BytesPerTerabyte = 1024d * 1024 * 1024 * 1024;

    private readonly IAmazonAthena _athena;
    private readonly AthenaQueryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<AthenaQueryRunner> _logger;
    private readonly SemaphoreSlim _ddlSlots;

    /// <summary>Creates the runner; <see cref="AthenaQueryOptions.MaxConcurrentDdl"/> is fixed for its lifetime.</summary>
    public AthenaQueryRunner(IAmazonAthena athena, AthenaQueryOptions options, TimeProvider time, ILogger<AthenaQueryRunner> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrentDdl, 1);
        _athena = athena;
        _options = options;
        _time = time;
        _logger = logger;
        _ddlSlots = new SemaphoreSlim(options.MaxConcurrentDdl, options.MaxConcurrentDdl);
    }

    /// <summary>DDL statements this runner has in flight now (for tests and the status view).</summary>
    public int DdlInFlight => _options.MaxConcurrentDdl - _ddlSlots.CurrentCount;

    /// <summary>Runs the statement and returns how it ended; AWS errors other than throttling propagate.</summary>
    public async Task<AthenaQueryOutcome> RunAsync(AthenaStatement statement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statement);
        using var activity = AthenaQueryTelemetry.Source.StartActivity("athena.query " + statement.Purpose, ActivityKind.Internal);
        activity?.SetTag("orchestrator.dataset", statement.Dataset);
        activity?.SetTag("orchestrator.purpose", statement.Purpose);
        activity?.SetTag("db.system", "athena");
        activity?.SetTag("db.namespace", statement.Database);
        activity?.SetTag("athena.workgroup", _options.WorkGroup);
        activity?.SetTag("athena.ddl", statement.IsDdl);

        if (statement.IsDdl)
        {
            await _ddlSlots.WaitAsync(cancellationToken);
        }

        try
        {
            long started = _time.GetTimestamp();
            var deadline = _time.GetUtcNow() + _options.QueryTimeout;
            string id = await StartAsync(statement, deadline, cancellationToken);
            activity?.SetTag("athena.query_execution_id", id);
            var outcome = await WaitAsync(statement, id, deadline, started, cancellationToken);
            Record(statement, outcome, activity);
            return outcome;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
        finally
        {
            if (statement.IsDdl)
            {
                _ddlSlots.Release();
            }
        }
    }

    /// <summary>
    /// The rows of a finished query as strings (null for SQL NULL), without the header row Athena returns first for SELECT.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyList<string?>>> ReadRowsAsync(string queryExecutionId, CancellationToken cancellationToken)
    {
        var rows = new List<IReadOnlyList<string?>>();
        bool first = true;
        await foreach (var page in _athena.GetAllQueryResultsAsync(new GetQueryResultsRequest { QueryExecutionId = queryExecutionId }, cancellationToken))
        {
            foreach (var row in page.ResultSet?.Rows ?? [])
            {
                if (first)
                {
                    first = false; // Athena's SELECT results start with the column names
                    continue;
                }

                rows.Add(row.Data?.Select(d => d.VarCharValue).ToList() ?? []);
            }
        }

        return rows;
    }

    /// <inheritdoc />
    public void Dispose() => _ddlSlots.Dispose();

    private async Task<string> StartAsync(AthenaStatement statement, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var request = new StartQueryExecutionRequest
        {
            QueryString = statement.Sql,
            // One token for every attempt: a throttled or lost start repeated later is still the same query to Athena.
            ClientRequestToken = statement.ClientRequestToken ?? Guid.NewGuid().ToString("N"),
            QueryExecutionContext = new QueryExecutionContext { Database = statement.Database },
            WorkGroup = _options.WorkGroup,
            ResultConfiguration = string.IsNullOrWhiteSpace(_options.OutputLocation) ? null : new ResultConfiguration { OutputLocation = _options.OutputLocation },
            ExecutionParameters = statement.Parameters is { Count: > 0 } parameters ? [.. parameters] : null,
        };
        var backoff = _options.ThrottleBackoff;
        while (true)
        {
            try
            {
                return (await _athena.StartQueryExecutionAsync(request, cancellationToken)).QueryExecutionId
                    ?? throw new InvalidOperationException("Athena returned no QueryExecutionId.");
            }
            catch (TooManyRequestsException ex)
            {
                AthenaQueryTelemetry.Throttled.Add(1, new KeyValuePair<string, object?>("purpose", statement.Purpose));
                var delay = Jitter(backoff);
                if (_time.GetUtcNow() + delay > deadline)
                {
                    throw new AthenaQueryFailedException(
                        $"Athena refused {statement.Purpose} for {statement.Dataset} with TooManyRequestsException until the query timeout " +
                        $"({_options.QueryTimeout}); last: {ex.Message}", ex);
                }

                LogThrottled(_logger, statement.Purpose, statement.Dataset, delay);
                await Task.Delay(delay, _time, cancellationToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromMinutes(1).Ticks));
            }
        }
    }

    private async Task<AthenaQueryOutcome> WaitAsync(AthenaStatement statement, string id, DateTimeOffset deadline, long started, CancellationToken cancellationToken)
    {
        var interval = _options.MinPollInterval;
        while (true)
        {
            var execution = (await _athena.GetQueryExecutionAsync(new GetQueryExecutionRequest { QueryExecutionId = id }, cancellationToken)).QueryExecution;
            string state = execution?.Status?.State?.Value ?? "UNKNOWN";
            if (state is "SUCCEEDED" or "FAILED" or "CANCELLED")
            {
                return Outcome(id, state, execution!.Status?.AthenaError?.ErrorMessage ?? execution.Status?.StateChangeReason, execution.Statistics, started);
            }

            if (_time.GetUtcNow() >= deadline)
            {
                await _athena.StopQueryExecutionAsync(new StopQueryExecutionRequest { QueryExecutionId = id }, CancellationToken.None);
                LogTimedOut(_logger, id, statement.Purpose, statement.Dataset, _options.QueryTimeout);
                return Outcome(id, AthenaQueryOutcome.TimedOut, $"still {state} after the query timeout ({_options.QueryTimeout}); stopped", execution?.Statistics, started);
            }

            var remaining = deadline - _time.GetUtcNow();
            await Task.Delay(remaining < interval ? remaining : interval, _time, cancellationToken);
            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, _options.MaxPollInterval.Ticks));
        }
    }

    private AthenaQueryOutcome Outcome(string id, string state, string? reason, QueryExecutionStatistics? statistics, long started) =>
        new(id, state, reason, statistics?.DataScannedInBytes ?? 0, statistics?.EngineExecutionTimeInMillis ?? 0, _time.GetElapsedTime(started));

    private void Record(AthenaStatement statement, AthenaQueryOutcome outcome, Activity? activity)
    {
        var dataset = new KeyValuePair<string, object?>("dataset", statement.Dataset);
        var purpose = new KeyValuePair<string, object?>("purpose", statement.Purpose);
        var state = new KeyValuePair<string, object?>("state", outcome.State);
        AthenaQueryTelemetry.Queries.Add(1, dataset, purpose, state);
        AthenaQueryTelemetry.Duration.Record(outcome.Elapsed.TotalSeconds, purpose, state);
        AthenaQueryTelemetry.BytesScanned.Add(outcome.BytesScanned, dataset, purpose);
        double cost = EstimatedCost(statement.IsDdl, outcome.State, outcome.BytesScanned, _options.PricePerTerabyte);
        AthenaQueryTelemetry.Cost.Add(cost, dataset, purpose);

        activity?.SetTag("athena.state", outcome.State);
        activity?.SetTag("athena.bytes_scanned", outcome.BytesScanned);
        activity?.SetTag("athena.engine_time_ms", outcome.EngineMillis);
        activity?.SetTag("athena.estimated_cost_usd", cost);
        if (!outcome.Succeeded)
        {
            activity?.SetStatus(ActivityStatusCode.Error, outcome.Reason);
            LogFailed(_logger, outcome.QueryExecutionId, statement.Purpose, statement.Dataset, outcome.State, outcome.Reason);
        }
        else
        {
            LogSucceeded(_logger, outcome.QueryExecutionId, statement.Purpose, statement.Dataset, outcome.BytesScanned, outcome.Elapsed);
        }
    }

    /// <summary>
    /// Athena's billing rule: DDL and failed queries are free; otherwise bytes scanned rounded up to whole megabytes with a
    /// 10 MB minimum, times the price per terabyte.
    /// </summary>
    public static double EstimatedCost(bool isDdl, string state, long bytesScanned, double pricePerTerabyte)
    {
        if (isDdl || state == "FAILED")
        {
            return 0;
        }

        if (bytesScanned == 0 && state != "SUCCEEDED")
        {
            return 0;
        }

        const long Megabyte = 1024 * 1024;
        long billed = Math.Max(BillingMinimumBytes, (bytesScanned + Megabyte - 1) / Megabyte * Megabyte);
        return billed / BytesPerTerabyte * pricePerTerabyte;
    }

    private static TimeSpan Jitter(TimeSpan backoff) =>
        TimeSpan.FromTicks((long)(backoff.Ticks * (0.5 + (Random.Shared.NextDouble() / 2))));

    [LoggerMessage(LogLevel.Warning, "Athena throttled {Purpose} for {Dataset} (TooManyRequestsException); trying again in {Delay}")]
    private static partial void LogThrottled(ILogger logger, string purpose, string dataset, TimeSpan delay);

    [LoggerMessage(LogLevel.Warning, "Athena query {QueryId} ({Purpose} for {Dataset}) ran past the timeout {Timeout} and was stopped")]
    private static partial void LogTimedOut(ILogger logger, string queryId, string purpose, string dataset, TimeSpan timeout);

    [LoggerMessage(LogLevel.Warning, "Athena query {QueryId} ({Purpose} for {Dataset}) ended {State}: {Reason}")]
    private static partial void LogFailed(ILogger logger, string queryId, string purpose, string dataset, string state, string? reason);

    [LoggerMessage(LogLevel.Information, "Athena query {QueryId} ({Purpose} for {Dataset}) succeeded: {Bytes} bytes scanned in {Elapsed}")]
    private static partial void LogSucceeded(ILogger logger, string queryId, string purpose, string dataset, long bytes, TimeSpan elapsed);
}
