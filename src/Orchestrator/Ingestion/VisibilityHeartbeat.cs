using System.Globalization;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestrator.Configuration;

namespace Orchestrator.Ingestion;

/// <summary>
/// Keeps messages that are still being handled invisible: every heartbeat it extends those whose visibility would run out
/// before the next two heartbeats. SQS rejects extensions past 12 hours after the receive, so a message never gets more
/// than that; once there is no room left it is no longer extended and returns to the queue.
/// </summary>
internal sealed class VisibilityHeartbeat(
    IAmazonSQS sqs,
    InFlightMessages inFlight,
    IOptions<OrchestratorOptions> options,
    TimeProvider time,
    ILogger<VisibilityHeartbeat> logger)
{
    /// <summary>SQS: "the maximum is 12 hours" from the receive; a minute's margin absorbs clock and request latency.</summary>
    internal static readonly TimeSpan MaxHold = TimeSpan.FromHours(12) - TimeSpan.FromMinutes(1);

    private readonly QueueOptions queue = options.Value.Queue;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(queue.HeartbeatInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await BeatAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown: the service stops the heartbeat only after every handler finished.
        }
    }

    /// <summary>One heartbeat: extend what is about to expire.</summary>
    public async Task BeatAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = inFlight.ExpiringBefore(now + queue.HeartbeatInterval * 2);
        var extend = new List<(InFlightMessage Message, TimeSpan Timeout)>();
        foreach (var message in due)
        {
            var room = message.ReceivedAt + MaxHold - now;
            var timeout = room < queue.VisibilityTimeout ? room : queue.VisibilityTimeout;
            if (timeout < TimeSpan.FromSeconds(1))
            {
                message.GaveUp = true;
                Log.ExtensionLimitReached(logger, message.MessageId, now - message.ReceivedAt);
                continue;
            }

            extend.Add((message, TimeSpan.FromSeconds(Math.Floor(timeout.TotalSeconds))));
        }

        foreach (var chunk in extend.Chunk(10))
        {
            await ExtendAsync(chunk, now, cancellationToken);
        }
    }

    private async Task ExtendAsync((InFlightMessage Message, TimeSpan Timeout)[] chunk, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var request = new ChangeMessageVisibilityBatchRequest
        {
            QueueUrl = queue.Url,
            Entries = chunk.Select((e, i) => new ChangeMessageVisibilityBatchRequestEntry(i.ToString(CultureInfo.InvariantCulture), e.Message.ReceiptHandle)
            {
                VisibilityTimeout = (int)e.Timeout.TotalSeconds,
            }).ToList(),
        };

        ChangeMessageVisibilityBatchResponse response;
        try
        {
            response = await sqs.ChangeMessageVisibilityBatchAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.HeartbeatFailed(logger, ex.GetType().Name, ex);
            return;
        }

        foreach (var ok in response.Successful ?? [])
        {
            var (message, timeout) = chunk[int.Parse(ok.Id, CultureInfo.InvariantCulture)];
            message.VisibleUntil = now + timeout;
            IngestionTelemetry.VisibilityExtensions.Add(1);
        }

        foreach (var failed in response.Failed ?? [])
        {
            var (message, _) = chunk[int.Parse(failed.Id, CultureInfo.InvariantCulture)];
            Log.ExtendFailed(logger, message.MessageId, failed.Code, failed.Message);
        }
    }
}
