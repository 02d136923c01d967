using Amazon.SQS.Model;
using Orchestrator.IntegrationTests.Infrastructure;

namespace Orchestrator.IntegrationTests.Emulator;

/// <summary>
/// The orchestrator hands a message back for an immediate retry with ChangeMessageVisibility(0), and relies on the
/// visibility timeout to redeliver what a crashed worker never deleted.
/// </summary>
[Collection(SqsS3EmulatorCollectionDefinition.Name)]
public sealed class SqsVisibilityTests(SqsS3EmulatorFixture emulator) : IAsyncLifetime
{
    private readonly List<string> _queues = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => emulator.DeleteQueuesAsync([.. _queues]);

    [Fact]
    public async Task Visibility_zero_makes_a_received_message_receivable_again_at_once()
    {
        var queueUrl = await CreateQueueAsync(TimeSpan.FromMinutes(5));
        await emulator.Sqs.SendMessageAsync(queueUrl, "retry me");
        var first = await ReceiveOneAsync(queueUrl);
        Assert.NotNull(first);
        Assert.Null(await ReceiveOneAsync(queueUrl)); // in flight for 5 minutes

        await emulator.Sqs.ChangeMessageVisibilityAsync(queueUrl, first.ReceiptHandle, 0);

        var second = await ReceiveOneAsync(queueUrl);
        Assert.NotNull(second);
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal("2", second.Attributes["ApproximateReceiveCount"]);
    }

    [Fact]
    public async Task A_message_that_is_not_deleted_comes_back_after_the_visibility_timeout()
    {
        var queueUrl = await CreateQueueAsync(TimeSpan.FromSeconds(1));
        await emulator.Sqs.SendMessageAsync(queueUrl, "crashed worker");
        var first = await ReceiveOneAsync(queueUrl);
        Assert.NotNull(first);
        Assert.Equal(new QueueMessageCounts(0, 1), await emulator.GetMessageCountsAsync(queueUrl));

        var again = await ReceiveOneAsync(queueUrl, waitTimeSeconds: 5);

        Assert.NotNull(again);
        Assert.Equal(first.MessageId, again.MessageId);
        Assert.NotEqual(first.ReceiptHandle, again.ReceiptHandle);
    }

    private async Task<string> CreateQueueAsync(TimeSpan visibilityTimeout)
    {
        var (queueUrl, dlqUrl) = await emulator.CreateQueueWithDlqAsync(maxReceiveCount: 10, visibilityTimeout);
        _queues.AddRange([queueUrl, dlqUrl]);
        return queueUrl;
    }

    private async Task<Message?> ReceiveOneAsync(string queueUrl, int waitTimeSeconds = 0)
    {
        var response = await emulator.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = queueUrl,
            WaitTimeSeconds = waitTimeSeconds,
            MessageSystemAttributeNames = ["ApproximateReceiveCount"],
        });
        return response.Messages?.SingleOrDefault();
    }
}
