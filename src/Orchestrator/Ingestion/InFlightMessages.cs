using System.Collections.Concurrent;
using Amazon.SQS.Model;

namespace Orchestrator.Ingestion;

/// <summary>
/// The messages this worker holds: a slot for each (so pollers only ask SQS for as many as can be handled) and the
/// visibility deadline of each (so the heartbeat can extend those still being handled). A message leaves through
/// <see cref="Complete"/> — deleted, left for redelivery, or given up — and is never extended after that.
/// </summary>
/// <remarks>
/// The slot counter is a lock and a queue of waiters rather than a SemaphoreSlim: "wait for one, then take up to ten more
/// without waiting" is racy on SemaphoreSlim (a waiter woken by Release(n) can observe the count before Release updates it).
/// </remarks>
internal sealed class InFlightMessages(int capacity)
{
    private readonly Lock gate = new();
    private readonly Queue<(int Most, TaskCompletionSource<int> Slots)> waiters = new();
    private readonly ConcurrentDictionary<string, InFlightMessage> messages = new(StringComparer.Ordinal);
    private int free = capacity;

    public int Count => messages.Count;

    /// <summary>Waits for at least one free slot, then takes up to <paramref name="most"/>.</summary>
    public Task<int> AcquireAsync(int most, CancellationToken cancellationToken)
    {
        TaskCompletionSource<int> slots;
        lock (gate)
        {
            if (free > 0 && waiters.Count == 0)
            {
                int taken = Math.Min(most, free);
                free -= taken;
                return Task.FromResult(taken);
            }

            slots = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Enqueue((most, slots));
        }

        if (cancellationToken.CanBeCanceled)
        {
            // A cancelled waiter stays in the queue; Release skips completed ones.
            var registration = cancellationToken.Register(() => slots.TrySetCanceled(cancellationToken));
            _ = slots.Task.ContinueWith(_ => registration.Dispose(), TaskScheduler.Default);
        }

        return slots.Task;
    }

    /// <summary>Gives back slots that a receive did not fill.</summary>
    public void Release(int count)
    {
        if (count <= 0)
        {
            return;
        }

        lock (gate)
        {
            free += count;
            while (free > 0 && waiters.Count > 0)
            {
                var (most, slots) = waiters.Dequeue();
                int taken = Math.Min(most, free);
                if (slots.TrySetResult(taken))
                {
                    free -= taken;
                }
            }
        }
    }

    public void Track(Message message, DateTimeOffset receivedAt, TimeSpan visibility)
    {
        messages[message.MessageId] = new InFlightMessage(message.MessageId, message.ReceiptHandle, receivedAt) { VisibleUntil = receivedAt + visibility };
        IngestionTelemetry.InFlight.Add(1);
    }

    /// <summary>The message is finished with (whatever the outcome): stop extending it and free its slot.</summary>
    public void Complete(string messageId)
    {
        if (messages.TryRemove(messageId, out _))
        {
            IngestionTelemetry.InFlight.Add(-1);
            Release(1);
        }
    }

    /// <summary>Messages whose visibility runs out before <paramref name="horizon"/>.</summary>
    public IReadOnlyList<InFlightMessage> ExpiringBefore(DateTimeOffset horizon) =>
        messages.Values.Where(m => m.VisibleUntil < horizon && !m.GaveUp).ToList();

    public bool IsTracked(string messageId) => messages.ContainsKey(messageId);
}
