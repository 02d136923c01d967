using Amazon.SQS.Model;
using Orchestrator.IntegrationTests.Infrastructure;

namespace Orchestrator.IntegrationTests.Emulator;

/// <summary>A message the orchestrator keeps failing must end in the dead-letter queue after maxReceiveCount receives.</summary>
[Collection(SqsS3EmulatorCollectionDefinition.Name)]
public sealed class SqsRedriveTests(SqsS3EmulatorFixture emulator) : IAsyncLifetime
{
    private const int MaxReceiveCount = 3;
    private string _queueUrl = string.Empty;
    private string _dlqUrl = string.Empty;

    public async Task InitializeAsync() =>
        (_queueUrl, _dlqUrl) = await emulator.CreateQueueWithDlqAsync(MaxReceiveCount, TimeSpan.FromMinutes(5));

    public Task DisposeAsync() => emulator.DeleteQueuesAsync(_queueUrl, _dlqUrl);

    [Fact]
    public async Task A_message_received_maxReceiveCount_times_without_delete_moves_to_the_dead_letter_queue()
    {
        var messageId = (await emulator.Sqs.SendMessageAsync(_queueUrl, "poison")).MessageId;

        for (var receive = 1; receive <= MaxReceiveCount; receive++)
        {
            var message = (await ReceiveAsync(_queueUrl)).Messages?.SingleOrDefault();
            Assert.True(message is not null, $"receive {receive} of {MaxReceiveCount} returned no message");
            Assert.Equal(messageId, message.MessageId);
            await emulator.Sqs.ChangeMessageVisibilityAsync(_queueUrl, message.ReceiptHandle, 0); // the handler gave up
        }

        // As on AWS, the receive after the last allowed one moves the message instead of delivering it.
        Assert.Null((await ReceiveAsync(_queueUrl)).Messages);

        var deadLetters = await emulator.DrainAsync(_dlqUrl);
        var deadLetter = Assert.Single(deadLetters);
        Assert.Equal(messageId, deadLetter.MessageId);
        Assert.Equal("poison", deadLetter.Body);
        Assert.Equal(new QueueMessageCounts(0, 0), await emulator.GetMessageCountsAsync(_queueUrl));
    }

    private Task<ReceiveMessageResponse> ReceiveAsync(string queueUrl) =>
        emulator.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queueUrl, WaitTimeSeconds = 0 });
}
