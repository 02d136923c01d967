using Amazon.SQS.Model;
using Orchestrator.IntegrationTests.Infrastructure;

namespace Orchestrator.IntegrationTests.Emulator;

/// <summary>The poller waits with WaitTimeSeconds = 20 (the SQS maximum) and must see a new message without waiting it out.</summary>
[Collection(SqsS3EmulatorCollectionDefinition.Name)]
public sealed class SqsLongPollingTests(SqsS3EmulatorFixture emulator) : IAsyncLifetime
{
    private string _queueUrl = string.Empty;
    private string _dlqUrl = string.Empty;

    public async Task InitializeAsync() => (_queueUrl, _dlqUrl) = await emulator.CreateQueueWithDlqAsync();

    public Task DisposeAsync() => emulator.DeleteQueuesAsync(_queueUrl, _dlqUrl);

    [Fact]
    public async Task A_long_poll_returns_the_message_that_arrives_while_it_waits()
    {
        var receive = emulator.Sqs.ReceiveMessageAsync(
            new ReceiveMessageRequest { QueueUrl = _queueUrl, MaxNumberOfMessages = 10, WaitTimeSeconds = 20 });
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.False(receive.IsCompleted, "the receive on an empty queue returned before any message was sent");

        await emulator.Sqs.SendMessageAsync(_queueUrl, "wake up");

        // Well under the 20 s wait: a poll that only returned at its deadline would fail here.
        var response = await receive.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("wake up", Assert.Single(response.Messages).Body);
    }

    [Fact]
    public async Task A_long_poll_on_an_empty_queue_ends_with_no_messages_as_a_null_list()
    {
        var response = await emulator.Sqs.ReceiveMessageAsync(
            new ReceiveMessageRequest { QueueUrl = _queueUrl, MaxNumberOfMessages = 10, WaitTimeSeconds = 1 });

        // SDK v4 leaves absent collections null; the poller must not assume an empty list.
        Assert.Null(response.Messages);
    }
}
