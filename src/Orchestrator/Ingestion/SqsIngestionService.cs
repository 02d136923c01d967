using System.Diagnostics;
using System.Threading.Channels;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestrator.Configuration;
using Orchestrator.Health;

namespace Orchestrator.Ingestion;

/// <summary>
/// Long-polls the queue with several pollers and hands each receive batch to a fixed number of handlers.
/// <list type="bullet">
/// <item>Backpressure: a poller asks SQS for no more messages than there are free in-flight slots.</item>
/// <item>Durability before acknowledgement: <see cref="BatchHandler"/> deletes only after the ledger write committed.</item>
/// <item>Shutdown (SIGTERM): receiving stops at once; batches already being handled get <c>ShutdownTimeout</c> to finish;
/// batches not yet started are released with visibility 0 so another task takes them immediately. See docs/shutdown.md.</item>
/// <item>Fatal errors (missing queue, denied access, no credentials) stop the host with exit code 3 and one clear message.</item>
/// </list>
/// </summary>
internal sealed class SqsIngestionService(
    IAmazonSQS sqs,
    BatchHandler handler,
    QueueSettler settler,
    InFlightMessages inFlight,
    VisibilityHeartbeat heartbeat,
    StoreBackoff storeBackoff,
    LivenessMarker liveness,
    IOptions<OrchestratorOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<SqsIngestionService> logger) : BackgroundService
{
    /// <summary>Exit code when the queue cannot be consumed at all.</summary>
    public const int FatalExitCode = 3;

    private static readonly List<string> SystemAttributes = ["ApproximateReceiveCount", "SentTimestamp"];

    private readonly QueueOptions queue = options.Value.Queue;
    private readonly string queueName = QueueNames.FromUrl(options.Value.Queue.Url);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (!await CheckQueueAsync(stoppingToken))
        {
            return;
        }

        Log.Consuming(logger, queue.Url, queue.Pollers, queue.Handlers, queue.MaxInFlight);
        var batches = Channel.CreateUnbounded<ReceivedBatch>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });

        // Handlers and the heartbeat outlive the stopping token: they get the shutdown budget to finish what was started.
        using var drain = new CancellationTokenSource();
        using var startDrainClock = stoppingToken.Register(() => drain.CancelAfter(queue.ShutdownTimeout));
        var heartbeatTask = heartbeat.RunAsync(drain.Token);
        var handlers = Enumerable.Range(0, queue.Handlers).Select(_ => HandleLoopAsync(batches.Reader, stoppingToken, drain.Token)).ToList();
        var pollers = Enumerable.Range(0, queue.Pollers).Select(_ => PollLoopAsync(batches.Writer, stoppingToken, drain.Token)).ToList();
        try
        {
            await Task.WhenAll(pollers);
        }
        finally
        {
            batches.Writer.TryComplete();
            await Task.WhenAll(handlers);
            await drain.CancelAsync();
            await heartbeatTask;
            Log.Stopped(logger, queue.Url);
        }
    }

    private async Task<bool> CheckQueueAsync(CancellationToken stoppingToken)
    {
        try
        {
            var attributes = await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest
            {
                QueueUrl = queue.Url,
                AttributeNames = ["RedrivePolicy"],
            }, stoppingToken);
            if (attributes.Attributes is null || !attributes.Attributes.ContainsKey("RedrivePolicy"))
            {
                Log.NoRedrivePolicy(logger, queue.Url);
            }

            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex) when (QueueErrors.FatalReason(ex) is { } reason)
        {
            StopFatally(reason, ex);
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not fatal (network, throttling): the poll loop retries with backoff, so just carry on.
            Log.ReceiveFailed(logger, ex.GetType().Name, TimeSpan.Zero, ex);
            return true;
        }
    }

    private async Task PollLoopAsync(ChannelWriter<ReceivedBatch> writer, CancellationToken stoppingToken, CancellationToken drainToken)
    {
        int failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            int slots;
            try
            {
                await storeBackoff.WaitUntilReadyAsync(stoppingToken);
                slots = await inFlight.AcquireAsync(queue.MaxMessagesPerReceive, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            List<Message> messages;
            using (var activity = IngestionTelemetry.Source.StartActivity($"receive {queueName}", ActivityKind.Consumer))
            {
                try
                {
                    // Not cancelled by SIGTERM: SQS would still hand out the messages of a receive whose response we
                    // abandoned, and they would sit invisible for the whole visibility timeout. A long poll in progress
                    // finishes (at most WaitTime) and whatever it returns is released below. Only the drain deadline
                    // cuts it short.
                    var response = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
                    {
                        QueueUrl = queue.Url,
                        MaxNumberOfMessages = slots,
                        WaitTimeSeconds = (int)queue.WaitTime.TotalSeconds,
                        VisibilityTimeout = (int)queue.VisibilityTimeout.TotalSeconds,
                        MessageSystemAttributeNames = SystemAttributes,
                    }, drainToken);
                    messages = response.Messages ?? [];
                    failures = 0;
                }
                catch (Exception ex)
                {
                    inFlight.Release(slots);
                    if (stoppingToken.IsCancellationRequested)
                    {
                        return; // shutdown interrupted the long poll: normal, not an error
                    }

                    if (QueueErrors.FatalReason(ex) is { } reason)
                    {
                        StopFatally(reason, ex);
                        return;
                    }

                    var delay = Backoff.Jittered(++failures, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));
                    activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
                    activity?.SetTag("error.type", ex.GetType().Name);
                    Log.ReceiveFailed(logger, ex.GetType().Name, delay, ex);
                    await DelayQuietlyAsync(delay, stoppingToken);
                    continue;
                }

                liveness.Touch();
                inFlight.Release(slots - messages.Count);
                if (messages.Count == 0)
                {
                    // An empty long poll is not worth a trace: drop the span so idle workers don't flood the backend.
                    if (activity is not null)
                    {
                        activity.IsAllDataRequested = false;
                        activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
                    }

                    continue;
                }

                activity?.SetTag("messaging.system", "aws_sqs");
                activity?.SetTag("messaging.operation.type", "receive");
                activity?.SetTag("messaging.destination.name", queueName);
                activity?.SetTag("messaging.batch.message_count", messages.Count);
                var receivedAt = time.GetUtcNow();
                foreach (var message in messages)
                {
                    inFlight.Track(message, receivedAt, queue.VisibilityTimeout);
                }

                IngestionTelemetry.MessagesReceived.Add(messages.Count);
                if (stoppingToken.IsCancellationRequested)
                {
                    await ReleaseAsync(messages, "shutdown");
                    return;
                }

                writer.TryWrite(new ReceivedBatch(messages, activity?.Context ?? default));
            }
        }
    }

    private async Task HandleLoopAsync(ChannelReader<ReceivedBatch> reader, CancellationToken stoppingToken, CancellationToken drainToken)
    {
        await foreach (var batch in reader.ReadAllAsync(CancellationToken.None))
        {
            if (stoppingToken.IsCancellationRequested)
            {
                await ReleaseAsync(batch.Messages, "shutdown");
                continue;
            }

            try
            {
                await handler.HandleAsync(batch, drainToken);
                liveness.Touch();
            }
            catch (OperationCanceledException) when (drainToken.IsCancellationRequested)
            {
                var unfinished = batch.Messages.Where(m => inFlight.IsTracked(m.MessageId)).ToList();
                Log.ShutdownBudgetExceeded(logger, queue.ShutdownTimeout, unfinished.Count);
                await ReleaseAsync(unfinished, "shutdown");
            }
            catch (Exception ex)
            {
                // A bug, not an outage (those are handled inside): free the slots so the worker keeps going; the messages
                // return after their visibility timeout and end in the DLQ if this keeps happening.
                var unfinished = batch.Messages.Where(m => inFlight.IsTracked(m.MessageId)).ToList();
                Log.HandlerFailed(logger, unfinished.Count, ex);
                IngestionTelemetry.MessagesFailed.Add(unfinished.Count, new KeyValuePair<string, object?>("reason", "handler_error"));
                foreach (var message in unfinished)
                {
                    inFlight.Complete(message.MessageId);
                }
            }
        }
    }

    private async Task ReleaseAsync(IReadOnlyList<Message> messages, string reason)
    {
        if (messages.Count == 0)
        {
            return;
        }

        // Visibility 0: another worker can take them at once instead of waiting out the visibility timeout.
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await settler.ReleaseAsync(messages, TimeSpan.Zero, budget.Token);
        Log.Released(logger, messages.Count, reason);
        IngestionTelemetry.MessagesReleased.Add(messages.Count, new KeyValuePair<string, object?>("reason", reason));
        foreach (var message in messages)
        {
            inFlight.Complete(message.MessageId);
        }
    }

    private void StopFatally(string reason, Exception exception)
    {
        Log.FatalQueueError(logger, queue.Url, reason, exception);
        Environment.ExitCode = FatalExitCode;
        lifetime.StopApplication();
    }

    private async Task DelayQuietlyAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // shutdown during a backoff pause
        }
    }
}
