using Microsoft.Extensions.Logging;

namespace Orchestrator.Ingestion;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Consuming {QueueUrl} with {Pollers} pollers, {Handlers} handlers, at most {MaxInFlight} messages in flight")]
    public static partial void Consuming(ILogger logger, string queueUrl, int pollers, int handlers, int maxInFlight);

    [LoggerMessage(2, LogLevel.Warning, "Queue {QueueUrl} has no redrive policy: a message that can never be handled will be retried forever. Configure a DLQ with maxReceiveCount.")]
    public static partial void NoRedrivePolicy(ILogger logger, string queueUrl);

    [LoggerMessage(3, LogLevel.Critical, "Cannot consume {QueueUrl}: {Reason}. Stopping: this needs a configuration or permission change, not a retry.")]
    public static partial void FatalQueueError(ILogger logger, string queueUrl, string reason, Exception exception);

    [LoggerMessage(4, LogLevel.Warning, "Receiving from SQS failed ({ErrorType}); retrying in {Delay}")]
    public static partial void ReceiveFailed(ILogger logger, string errorType, TimeSpan delay, Exception exception);

    [LoggerMessage(5, LogLevel.Warning, "Message {MessageId} cannot be parsed ({Error}); it stays on the queue and reaches the DLQ after maxReceiveCount (receive {ReceiveCount})")]
    public static partial void Unparseable(ILogger logger, string messageId, string error, string receiveCount);

    [LoggerMessage(6, LogLevel.Information, "Object s3://{Bucket}/{Key} rejected: {Reason} ({Detail})")]
    public static partial void ObjectRejected(ILogger logger, string bucket, string key, string reason, string? detail);

    [LoggerMessage(7, LogLevel.Error, "Writing {Count} records to the ledger failed; the {Messages} messages return to the queue in {Delay} and the pollers pause")]
    public static partial void LedgerWriteFailed(ILogger logger, int count, int messages, TimeSpan delay, Exception exception);

    [LoggerMessage(8, LogLevel.Warning, "Deleting message {MessageId} failed ({Code}: {Reason}); attempt {Attempt} of {Attempts}")]
    public static partial void DeleteEntryFailed(ILogger logger, string messageId, string code, string reason, int attempt, int attempts);

    [LoggerMessage(9, LogLevel.Error, "Message {MessageId} could not be deleted after {Attempts} attempts ({Code}); it will be delivered again and the ledger makes that harmless")]
    public static partial void DeleteGaveUp(ILogger logger, string messageId, int attempts, string code);

    [LoggerMessage(10, LogLevel.Warning, "Extending the visibility of message {MessageId} failed ({Code}: {Reason})")]
    public static partial void ExtendFailed(ILogger logger, string messageId, string code, string reason);

    [LoggerMessage(11, LogLevel.Warning, "Message {MessageId} has been held for {Held}; SQS allows no more than 12 hours, so it is no longer extended and will be delivered again")]
    public static partial void ExtensionLimitReached(ILogger logger, string messageId, TimeSpan held);

    [LoggerMessage(12, LogLevel.Information, "Released {Count} messages to the queue with visibility 0 ({Reason}): another worker can take them at once")]
    public static partial void Released(ILogger logger, int count, string reason);

    [LoggerMessage(13, LogLevel.Warning, "Shutdown budget of {Budget} ran out with {Pending} messages unfinished; they were released to the queue")]
    public static partial void ShutdownBudgetExceeded(ILogger logger, TimeSpan budget, int pending);

    [LoggerMessage(14, LogLevel.Debug, "Ignored S3 test event in message {MessageId}")]
    public static partial void TestEvent(ILogger logger, string messageId);

    [LoggerMessage(15, LogLevel.Warning, "Releasing {Count} messages failed ({ErrorType}); they return after their visibility timeout instead")]
    public static partial void ReleaseFailed(ILogger logger, int count, string errorType, Exception exception);

    [LoggerMessage(16, LogLevel.Warning, "Extending message visibility failed ({ErrorType}); retrying at the next heartbeat")]
    public static partial void HeartbeatFailed(ILogger logger, string errorType, Exception exception);

    [LoggerMessage(18, LogLevel.Error, "Handling a batch failed unexpectedly; {Count} messages return after their visibility timeout")]
    public static partial void HandlerFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(19, LogLevel.Debug, "Ledger: {Inserted} new, {Superseded} superseded, {Unchanged} already known, from {Messages} messages")]
    public static partial void Recorded(ILogger logger, int inserted, int superseded, int unchanged, int messages);

    [LoggerMessage(17, LogLevel.Information, "Stopped consuming {QueueUrl}")]
    public static partial void Stopped(ILogger logger, string queueUrl);

    [LoggerMessage(20, LogLevel.Warning, "Reading the depth of queue {QueueUrl} failed ({ErrorType}); the orchestrator.queue.depth gauges skip it until the next poll in {Interval}")]
    public static partial void DepthPollFailed(ILogger logger, string queueUrl, string errorType, TimeSpan interval, Exception exception);

    [LoggerMessage(21, LogLevel.Warning, "Queue {QueueUrl} has a RedrivePolicy whose deadLetterTargetArn {Arn} is not a queue ARN; the DLQ depth is not reported")]
    public static partial void BadDeadLetterArn(ILogger logger, string queueUrl, string arn);
}
