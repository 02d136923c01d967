namespace Orchestrator.Ingestion;

/// <summary>
/// Exponential backoff with "equal jitter" (AWS Architecture Blog, "Exponential Backoff And Jitter"): half the delay is fixed so
/// retries never come at once, half is random so many workers do not retry in step.
/// </summary>
internal static class Backoff
{
    public static TimeSpan Jittered(int attempt, TimeSpan first, TimeSpan max)
    {
        double ceiling = Math.Min(max.TotalMilliseconds, first.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1)));
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }
}
