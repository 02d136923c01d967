namespace Orchestrator.Ingestion;

/// <summary>
/// Pauses the pollers while the store is failing, so that an outage does not burn through the messages' receive counts
/// and push healthy messages into the DLQ. The pause doubles from one second up to the configured maximum.
/// </summary>
internal sealed class StoreBackoff(TimeSpan max, TimeProvider time)
{
    private readonly Lock gate = new();
    private TimeSpan delay = TimeSpan.Zero;
    private DateTimeOffset readyAt = DateTimeOffset.MinValue;

    public TimeSpan CurrentDelay
    {
        get
        {
            lock (gate)
            {
                return delay;
            }
        }
    }

    public void Failure()
    {
        lock (gate)
        {
            delay = delay == TimeSpan.Zero ? TimeSpan.FromSeconds(1) : TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, max.Ticks));
            readyAt = time.GetUtcNow() + delay;
        }
    }

    public void Success()
    {
        lock (gate)
        {
            delay = TimeSpan.Zero;
            readyAt = DateTimeOffset.MinValue;
        }
    }

    public Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (gate)
        {
            wait = readyAt - time.GetUtcNow();
        }

        return wait > TimeSpan.Zero ? Task.Delay(wait, time, cancellationToken) : Task.CompletedTask;
    }
}
