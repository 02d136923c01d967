using System.Diagnostics;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestrator.Configuration;
using Orchestrator.Ingestion.Notifications;
using Orchestrator.Jobs.Datasets;
using Orchestrator.Jobs.Ledger;
using Orchestrator.Jobs.Objects;
using Orchestrator.Scheduling;

namespace Orchestrator.Ingestion;

/// <summary>
/// Handles one receive batch: parse every message, route every object, write the batch to the ledger in one transaction,
/// and only then delete the messages. A message that cannot be parsed is left on the queue (it reaches the DLQ through the
/// redrive policy); a message with some rejected objects is recorded and deleted — the rejections are in the ledger.
/// </summary>
internal sealed class BatchHandler(
    DatasetRouter router,
    IObjectLedger ledger,
    QueueSettler settler,
    InFlightMessages inFlight,
    StoreBackoff storeBackoff,
    IRunRequester runRequester,
    IOptions<OrchestratorOptions> options,
    TimeProvider time,
    ILogger<BatchHandler> logger)
{
    private readonly string queueName = QueueNames.FromUrl(options.Value.Queue.Url);

    public async Task HandleAsync(ReceivedBatch batch, CancellationToken cancellationToken)
    {
        using var batchActivity = IngestionTelemetry.Source.StartActivity(
            $"process {queueName}", ActivityKind.Consumer, batch.ReceiveContext);
        batchActivity?.SetTag("messaging.system", "aws_sqs");
        batchActivity?.SetTag("messaging.operation.type", "process");
        batchActivity?.SetTag("messaging.destination.name", queueName);
        batchActivity?.SetTag("messaging.batch.message_count", batch.Messages.Count);

        var toDelete = new List<Message>(batch.Messages.Count);
        var needLedger = new List<Message>();
        var records = new List<LedgerRecord>();
        var messageSpans = new List<Activity>();
        var now = time.GetUtcNow();
        foreach (var message in batch.Messages)
        {
            var span = IngestionTelemetry.Source.StartActivity($"process {queueName} message", ActivityKind.Consumer, batchActivity?.Context ?? default);
            span?.SetTag("messaging.system", "aws_sqs");
            span?.SetTag("messaging.destination.name", queueName);
            span?.SetTag("messaging.message.id", message.MessageId);
            if (span is not null)
            {
                messageSpans.Add(span);
                // The message spans are siblings, closed together at the end: the batch stays the current span.
                Activity.Current = batchActivity;
            }

            var parsed = NotificationParser.Parse(message.Body ?? "");
            span?.SetTag("orchestrator.notification.kind", parsed.Kind.ToString());
            switch (parsed.Kind)
            {
                case NotificationKind.Unparseable:
                    Log.Unparseable(logger, message.MessageId, parsed.Error ?? "unknown", ReceiveCount(message));
                    IngestionTelemetry.MessagesFailed.Add(1, new KeyValuePair<string, object?>("reason", "unparseable"));
                    span?.SetStatus(ActivityStatusCode.Error, parsed.Error);
                    span?.SetTag("error.type", "unparseable");
                    inFlight.Complete(message.MessageId); // not deleted: it returns after the visibility timeout
                    break;
                case NotificationKind.TestEvent:
                    Log.TestEvent(logger, message.MessageId);
                    IngestionTelemetry.MessagesIgnored.Add(1, new KeyValuePair<string, object?>("reason", "test_event"));
                    toDelete.Add(message);
                    break;
                default:
                    if (parsed.Events.Count == 0)
                    {
                        IngestionTelemetry.MessagesIgnored.Add(1, new KeyValuePair<string, object?>("reason", "unsupported_event"));
                        toDelete.Add(message);
                        break;
                    }

                    span?.SetTag("orchestrator.objects", parsed.Events.Count);
                    if (parsed.Events.Count == 1)
                    {
                        // S3 sends one record per notification: the object's key is how an operator finds its trace.
                        span?.SetTag("aws.s3.bucket", parsed.Events[0].Bucket);
                        span?.SetTag("aws.s3.key", parsed.Events[0].Key);
                    }

                    records.AddRange(parsed.Events.Select(e => ToRecord(e, now)));
                    needLedger.Add(message);
                    break;
            }
        }

        if (records.Count > 0)
        {
            if (await WriteLedgerAsync(records, needLedger, batchActivity?.Context ?? batch.ReceiveContext, cancellationToken))
            {
                toDelete.AddRange(needLedger);
            }
        }

        if (toDelete.Count > 0)
        {
            await settler.DeleteAsync(toDelete, cancellationToken);
        }

        foreach (var message in toDelete)
        {
            inFlight.Complete(message.MessageId);
        }

        foreach (var span in messageSpans)
        {
            span.Dispose();
        }
    }

    private async Task<bool> WriteLedgerAsync(List<LedgerRecord> records, List<Message> messages, ActivityContext batch, CancellationToken cancellationToken)
    {
        using var activity = IngestionTelemetry.Source.StartActivity("orchestrator.ledger.write", ActivityKind.Internal, batch);
        activity?.SetTag("orchestrator.ledger.records", records.Count);
        long started = Stopwatch.GetTimestamp();
        try
        {
            var result = await ledger.RecordAsync(records, cancellationToken);
            IngestionTelemetry.LedgerWriteDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
            IngestionTelemetry.ObjectsDuplicate.Add(result.Unchanged);
            activity?.SetTag("orchestrator.ledger.inserted", result.Inserted);
            activity?.SetTag("orchestrator.ledger.superseded", result.Superseded);
            activity?.SetTag("orchestrator.ledger.unchanged", result.Unchanged);
            // The run request is part of "durable": a message is deleted only once its dataset's run is asked for too.
            var datasets = records.Where(RequestsRun).Select(r => r.Dataset!).Distinct(StringComparer.Ordinal).ToList();
            // The run requests are children of this span, so each object's trace reads: message → ledger write → request.
            await runRequester.DatasetsChangedAsync(datasets, activity?.Context ?? batch, cancellationToken);
            storeBackoff.Success();
            Log.Recorded(logger, result.Inserted, result.Superseded, result.Unchanged, messages.Count);
            foreach (var record in records)
            {
                IngestionTelemetry.ObjectsRecorded.Add(1,
                    new KeyValuePair<string, object?>("dataset", record.Dataset ?? "(none)"),
                    new KeyValuePair<string, object?>("state", record.State.ToString().ToLowerInvariant()));
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            storeBackoff.Failure();
            var delay = storeBackoff.CurrentDelay;
            Log.LedgerWriteFailed(logger, records.Count, messages.Count, delay, ex);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            activity?.SetTag("error.type", ex.GetType().Name);
            IngestionTelemetry.MessagesFailed.Add(messages.Count, new KeyValuePair<string, object?>("reason", "store_error"));
            await settler.ReleaseAsync(messages, delay, CancellationToken.None);
            foreach (var message in messages)
            {
                inFlight.Complete(message.MessageId);
            }

            return false;
        }
    }

    private bool RequestsRun(LedgerRecord record) => record.State switch
    {
        ObjectState.Pending => true,
        ObjectState.Removed => record.Dataset is { } dataset && options.Value.Datasets.TryGetValue(dataset, out var configured) && configured.Glue.RunOnRemovals,
        _ => false,
    };

    private LedgerRecord ToRecord(ObjectEvent e, DateTimeOffset now)
    {
        IngestionTelemetry.NotificationLag.Record(Math.Max(0, (now - e.EventTime).TotalSeconds));
        if (e.Change == ObjectChange.Removed)
        {
            var removed = router.Route(e);
            return new LedgerRecord(e, removed.Dataset, removed.Partition, ObjectState.Removed, null);
        }

        var decision = router.Route(e);
        if (decision.IsAccepted)
        {
            return new LedgerRecord(e, decision.Dataset, decision.Partition, ObjectState.Pending, null);
        }

        string reason = decision.Reason!.Value.ToString();
        IngestionTelemetry.ObjectsRejected.Add(1, new KeyValuePair<string, object?>("reason", reason));
        Log.ObjectRejected(logger, e.Bucket, e.Key, reason, decision.Detail);
        return new LedgerRecord(e, decision.Dataset, null, ObjectState.Rejected, $"{reason}: {decision.Detail}");
    }

    private static string ReceiveCount(Message message) =>
        message.Attributes is { } attributes && attributes.TryGetValue("ApproximateReceiveCount", out var count) ? count : "?";
}
