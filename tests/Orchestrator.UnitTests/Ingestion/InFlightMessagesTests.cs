using Amazon.SQS.Model;
using Orchestrator.Ingestion;

namespace Orchestrator.UnitTests.Ingestion;

public sealed class InFlightMessagesTests
{
    private static Message Message(string id) => new() { MessageId = id, ReceiptHandle = "rh-" + id };

    [Fact]
    public async Task Pollers_only_get_as_many_slots_as_are_free()
    {
        var inFlight = new InFlightMessages(capacity: 12);

        Assert.Equal(10, await inFlight.AcquireAsync(10, CancellationToken.None));
        Assert.Equal(2, await inFlight.AcquireAsync(10, CancellationToken.None));

        var blocked = inFlight.AcquireAsync(10, CancellationToken.None);
        await Task.Delay(50);
        Assert.False(blocked.IsCompleted);

        inFlight.Release(3);
        Assert.Equal(3, await blocked);
    }

    [Fact]
    public async Task Completing_a_message_frees_its_slot_and_stops_its_extension()
    {
        var inFlight = new InFlightMessages(capacity: 1);
        var now = DateTimeOffset.UnixEpoch;
        Assert.Equal(1, await inFlight.AcquireAsync(10, CancellationToken.None));
        inFlight.Track(Message("a"), now, TimeSpan.FromSeconds(30));

        Assert.Single(inFlight.ExpiringBefore(now + TimeSpan.FromMinutes(1)));
        inFlight.Complete("a");
        inFlight.Complete("a"); // a second completion must not free a second slot

        Assert.Empty(inFlight.ExpiringBefore(now + TimeSpan.FromMinutes(1)));
        Assert.Equal(1, await inFlight.AcquireAsync(10, CancellationToken.None));
        Assert.False(inFlight.AcquireAsync(1, CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task Waiting_for_a_slot_ends_when_shutdown_cancels()
    {
        var inFlight = new InFlightMessages(capacity: 1);
        await inFlight.AcquireAsync(1, CancellationToken.None);
        using var cts = new CancellationTokenSource();

        var waiting = inFlight.AcquireAsync(1, cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
