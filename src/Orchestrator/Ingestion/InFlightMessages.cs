using System.Collections.Concurrent;
using Amazon.SQS.Model;

namespace Orchestrator.Ingestion;

/// <summary>
/// The messages this worker holds: a slot for each (so pollers only ask SQS for as many as can be handled) and the
/// visibility deadline of each (so the heartbeat can extend those still being handled). A message leaves through
/// <see cref="Complete"/> — deleted, left for redelivery, or given up — and is never extended after that.
/// </summary>
internal sealed class InFlightMessages(int capacity) : IDisposable
{
    private readonly SemaphoreSlim slots = new(capacity, capacity);
    private readonly ConcurrentDictionary<string, InFlightMessage> messages = new(StringComparer.Ordinal);

    public int Count => messages.Count;

    /// <summary>Waits for at least one free slot, then takes up to <paramref name="most"/> without waiting.</summary>
    public async Task<int> AcquireAsync(int most, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        int taken = 1;
        while (taken < most && slots.Wait(0, CancellationToken.None))
        {
            taken++;
        }

        return taken;
    }

    /// <summary>Gives back slots that a receive did not fill.</summary>
    public void Release(int count)
    {
        if (count > 0)
        {
            slots.Release(count);
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
            slots.Release();
        }
    }

    /// <summary>Messages whose visibility runs out before <paramref name="horizon"/>.</summary>
    public IReadOnlyList<InFlightMessage> ExpiringBefore(DateTimeOffset horizon) =>
        messages.Values.Where(m => m.VisibleUntil < horizon && !m.GaveUp).ToList();

    public bool IsTracked(string messageId) => messages.ContainsKey(messageId);

    public void Dispose() => slots.Dispose();
}
