using Microsoft.Extensions.Time.Testing;
using Orchestrator.Ingestion;

namespace Orchestrator.UnitTests.Ingestion;

public sealed class StoreBackoffTests
{
    [Fact]
    public void Failures_double_the_pause_up_to_the_maximum_and_success_resets_it()
    {
        var time = new FakeTimeProvider();
        var backoff = new StoreBackoff(TimeSpan.FromSeconds(5), time);

        backoff.Failure();
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.CurrentDelay);
        backoff.Failure();
        backoff.Failure();
        Assert.Equal(TimeSpan.FromSeconds(4), backoff.CurrentDelay);
        backoff.Failure();
        Assert.Equal(TimeSpan.FromSeconds(5), backoff.CurrentDelay);

        backoff.Success();
        Assert.Equal(TimeSpan.Zero, backoff.CurrentDelay);
        Assert.True(backoff.WaitUntilReadyAsync(CancellationToken.None).IsCompleted);
    }

    [Fact]
    public void Pollers_wait_until_the_pause_has_passed()
    {
        var time = new FakeTimeProvider();
        var backoff = new StoreBackoff(TimeSpan.FromSeconds(30), time);
        backoff.Failure();
        backoff.Failure();

        var wait = backoff.WaitUntilReadyAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(wait.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.2));
        Assert.True(wait.IsCompleted);
    }
}
