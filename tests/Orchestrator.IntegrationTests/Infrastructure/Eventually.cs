namespace Orchestrator.IntegrationTests.Infrastructure;

/// <summary>Waits for a condition on a real system, failing with a description of what was last seen.</summary>
internal static class Eventually
{
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        T last = await probe();
        while (!done(last))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout} waiting for {what}; last value: {last}");
            }

            await Task.Delay(100);
            last = await probe();
        }

        return last;
    }
}
