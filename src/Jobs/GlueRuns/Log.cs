using Microsoft.Extensions.Logging;

namespace Orchestrator.Jobs.GlueRuns;

internal static partial class Log
{
    [LoggerMessage(100, LogLevel.Information, "Run {RunId} of {Job} ({Trigger}) admitted for dataset {Dataset}")]
    public static partial void Admitted(ILogger logger, Guid runId, string job, string trigger, string dataset);

    [LoggerMessage(101, LogLevel.Information, "Request for {Job} ({Trigger}) joined active run {RunId}: one follow-up run will start after it")]
    public static partial void Coalesced(ILogger logger, string job, string trigger, Guid runId);

    [LoggerMessage(102, LogLevel.Information, "Run {RunId}: Glue started {Job} as {JobRunId} ({Objects} objects, bookmark {Bookmark})")]
    public static partial void Started(ILogger logger, Guid runId, string job, string jobRunId, int objects, string bookmark);

    [LoggerMessage(103, LogLevel.Information, "Run {RunId}: a start whose outcome was unknown is Glue run {JobRunId}, found by its correlation argument")]
    public static partial void Reattached(ILogger logger, Guid runId, string jobRunId);

    [LoggerMessage(104, LogLevel.Warning, "Run {RunId}: StartJobRun deferred ({Reason}); trying again in {Delay}")]
    public static partial void StartDeferred(ILogger logger, Guid runId, string reason, TimeSpan delay);

    [LoggerMessage(105, LogLevel.Information, "Run {RunId}: {Job} {JobRunId} SUCCEEDED after {Duration}; {Objects} objects processed, {Partitions} output partitions registered")]
    public static partial void Succeeded(ILogger logger, Guid runId, string job, string jobRunId, TimeSpan duration, int objects, int partitions);

    [LoggerMessage(106, LogLevel.Error, "Run {RunId}: {Job} {JobRunId} ended {GlueState}: {Error}")]
    public static partial void Failed(ILogger logger, Guid runId, string job, string? jobRunId, string glueState, string? error);

    [LoggerMessage(107, LogLevel.Warning, "Run {RunId}: step failed ({ErrorType}: {Message}); trying again in {Delay}")]
    public static partial void StepFailed(ILogger logger, Guid runId, string errorType, string message, TimeSpan delay);

    [LoggerMessage(108, LogLevel.Information, "Run {RunId}: retry {Attempt} of {Job} in {Delay}")]
    public static partial void RetryScheduled(ILogger logger, Guid runId, int attempt, string job, TimeSpan delay);

    [LoggerMessage(109, LogLevel.Warning, "No Glue job is configured for dataset {Dataset}; request ignored")]
    public static partial void NoJob(ILogger logger, string dataset);

    [LoggerMessage(110, LogLevel.Debug, "Run {RunId}: registered {Count} raw partitions of {Dataset}")]
    public static partial void RawPartitions(ILogger logger, Guid runId, int count, string dataset);

    [LoggerMessage(112, LogLevel.Warning, "Run {RunId}: the next step could not be scheduled ({Reason}); it is picked up again by the reattacher")]
    public static partial void StepNotScheduled(ILogger logger, Guid runId, string reason);

    [LoggerMessage(111, LogLevel.Error, "Run {RunId}: registering the output partitions of {Table} failed; they will be picked up after the next run")]
    public static partial void OutputPartitionsFailed(ILogger logger, Guid runId, string table, Exception exception);
}
