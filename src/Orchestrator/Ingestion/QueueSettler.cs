using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestrator.Configuration;

namespace Orchestrator.Ingestion;

/// <summary>
/// Ends the life of received messages on the queue: deletes them in batches once what they carried is durable, or hands
/// them back (ChangeMessageVisibility) so another worker can take them. A failed delete entry is retried, then logged;
/// it is never dropped silently — and because the ledger is idempotent, a message that comes back does no harm.
/// </summary>
internal sealed class QueueSettler(IAmazonSQS sqs, IOptions<OrchestratorOptions> options, TimeProvider time, ILogger<QueueSettler> logger)
{
    private const int SqsBatchLimit = 10;
    private readonly QueueOptions queue = options.Value.Queue;

    /// <summary>Deletes the messages; returns the ids of those that are gone from the queue.</summary>
    public async Task<IReadOnlyCollection<string>> DeleteAsync(IReadOnlyList<Amazon.SQS.Model.Message> messages, CancellationToken cancellationToken)
    {
        var deleted = new List<string>(messages.Count);
        foreach (var chunk in messages.Chunk(SqsBatchLimit))
        {
            deleted.AddRange(await DeleteChunkAsync(chunk, cancellationToken));
        }

        IngestionTelemetry.MessagesDeleted.Add(deleted.Count);
        return deleted;
    }

    private async Task<IReadOnlyList<string>> DeleteChunkAsync(Amazon.SQS.Model.Message[] chunk, CancellationToken cancellationToken)
    {
        var pending = chunk.ToDictionary(m => m.MessageId, StringComparer.Ordinal);
        var deleted = new List<string>();
        var lastCode = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int attempt = 1; attempt <= queue.DeleteAttempts && pending.Count > 0; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(Backoff.Jittered(attempt - 1, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5)), time, cancellationToken);
            }

            var entries = pending.Values.Select((m, i) => new DeleteMessageBatchRequestEntry(i.ToString(System.Globalization.CultureInfo.InvariantCulture), m.ReceiptHandle)).ToList();
            var byEntryId = pending.Values.Select((m, i) => (m, i)).ToDictionary(x => x.i.ToString(System.Globalization.CultureInfo.InvariantCulture), x => x.m);
            DeleteMessageBatchResponse response;
            try
            {
                response = await sqs.DeleteMessageBatchAsync(new DeleteMessageBatchRequest { QueueUrl = queue.Url, Entries = entries }, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && QueueErrors.FatalReason(ex) is null)
            {
                foreach (var m in pending.Values)
                {
                    lastCode[m.MessageId] = ex.GetType().Name;
                    Log.DeleteEntryFailed(logger, m.MessageId, ex.GetType().Name, ex.Message, attempt, queue.DeleteAttempts);
                }

                continue;
            }

            foreach (var ok in response.Successful ?? [])
            {
                var message = byEntryId[ok.Id];
                deleted.Add(message.MessageId);
                pending.Remove(message.MessageId);
            }

            foreach (var failed in response.Failed ?? [])
            {
                var message = byEntryId[failed.Id];
                lastCode[message.MessageId] = failed.Code;
                Log.DeleteEntryFailed(logger, message.MessageId, failed.Code, failed.Message, attempt, queue.DeleteAttempts);
                if (failed.Code is "ReceiptHandleIsInvalid" or "InvalidParameterValue")
                {
                    // The handle expired (the message became visible and was taken again): a retry cannot succeed.
                    pending.Remove(message.MessageId);
                    Log.DeleteGaveUp(logger, message.MessageId, attempt, failed.Code);
                    IngestionTelemetry.MessagesFailed.Add(1, new KeyValuePair<string, object?>("reason", "delete_failed"));
                }
            }
        }

        foreach (var message in pending.Values)
        {
            Log.DeleteGaveUp(logger, message.MessageId, queue.DeleteAttempts, lastCode.GetValueOrDefault(message.MessageId, "unknown"));
            IngestionTelemetry.MessagesFailed.Add(1, new KeyValuePair<string, object?>("reason", "delete_failed"));
        }

        return deleted;
    }

    /// <summary>Makes messages visible again after <paramref name="delay"/> (zero: at once, for another worker to take).</summary>
    public async Task ReleaseAsync(IReadOnlyList<Amazon.SQS.Model.Message> messages, TimeSpan delay, CancellationToken cancellationToken)
    {
        foreach (var chunk in messages.Chunk(SqsBatchLimit))
        {
            try
            {
                await sqs.ChangeMessageVisibilityBatchAsync(new ChangeMessageVisibilityBatchRequest
                {
                    QueueUrl = queue.Url,
                    Entries = chunk.Select((m, i) => new ChangeMessageVisibilityBatchRequestEntry(i.ToString(System.Globalization.CultureInfo.InvariantCulture), m.ReceiptHandle)
                    {
                        VisibilityTimeout = (int)Math.Ceiling(delay.TotalSeconds),
                    }).ToList(),
                }, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.ReleaseFailed(logger, chunk.Length, ex.GetType().Name, ex);
            }
        }
    }
}
