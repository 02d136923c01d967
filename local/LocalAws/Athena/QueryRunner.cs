using Amazon.S3;
using DuckDB.NET.Data;
using LocalAws.Athena.Statements;
using LocalAws.Background;
using LocalAws.Hosting;
using LocalAws.Storage;
using LocalAws.Wire;

namespace LocalAws.Athena;

/// <summary>Plays a query execution: QUEUED for a moment, RUNNING while the statement runs, then a terminal state.</summary>
internal sealed class QueryRunner(
    IEnumerable<IStatement> statements, S3Storage s3, LocalAwsOptions options, TimeProvider time, BackgroundWork background,
    QueryObservations observations)
{
    public void Start(QueryExecution execution, StatementHandler handler) =>
        background.Run($"query {execution.Id}", stopping => PlayAsync(execution, handler, stopping));

    private async Task PlayAsync(QueryExecution execution, StatementHandler handler, CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, execution.CancelRequested);
        try
        {
            await Task.Delay(options.QueryQueueTime, linked.Token);
            if (!execution.MarkRunning(time.GetUtcNow()))
            {
                return;
            }

            await RunAsync(execution, handler, linked.Token);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            execution.Cancel(time.GetUtcNow());
        }
    }

    private async Task RunAsync(QueryExecution execution, StatementHandler handler, CancellationToken cancellationToken)
    {
        bool ddl = execution.Kind.StatementType == "DDL";
        observations.Started(ddl);
        try
        {
            if (observations.HoldFor(execution.Query) is { } hold && hold > TimeSpan.Zero)
            {
                await Task.Delay(hold, time, cancellationToken); // an admin hold: stays RUNNING (StopQueryExecution ends it)
            }

            var statement = statements.FirstOrDefault(s => s.Handles == handler)
                ?? throw new QueryFailedException(
                    $"NOT_SUPPORTED: the local Athena emulator does not run this statement: {Shorten(execution.Query)}",
                    AthenaErrorTypes.CategoryUser, AthenaErrorTypes.NotSupported);
            var result = await statement.ExecuteAsync(execution, cancellationToken);
            await WriteResultAsync(execution, result, cancellationToken);
            execution.Succeed(result, time.GetUtcNow());
        }
        catch (QueryFailedException error)
        {
            execution.Fail(error, time.GetUtcNow());
        }
        catch (DuckDBException error)
        {
            execution.Fail(new QueryFailedException($"GENERIC_USER_ERROR: {error.Message}"), time.GetUtcNow());
        }
        catch (AwsServiceException error)
        {
            execution.Fail(new QueryFailedException($"FAILED: {error.ErrorCode}: {error.Message}",
                AthenaErrorTypes.CategoryUser, AthenaErrorTypes.DdlTaskFailed), time.GetUtcNow());
        }
        catch (AmazonS3Exception error)
        {
            execution.Fail(new QueryFailedException($"HIVE_CANNOT_OPEN_SPLIT: Error reading from S3: {error.Message}",
                AthenaErrorTypes.CategorySystem, AthenaErrorTypes.InternalServiceError), time.GetUtcNow());
        }
        finally
        {
            observations.Ended(ddl);
        }
    }

    private async Task WriteResultAsync(QueryExecution execution, QueryResult result, CancellationToken cancellationToken)
    {
        if (!S3Location.TryParse(execution.OutputLocation, out var target))
        {
            return;
        }

        var content = execution.Kind.StatementType == "DDL" ? string.Empty : ResultFile.Csv(result);
        await s3.PutTextAsync(target, content, "text/csv", cancellationToken);
    }

    private static string Shorten(string query) => query.Length <= 60 ? query : query[..60] + "…";
}
