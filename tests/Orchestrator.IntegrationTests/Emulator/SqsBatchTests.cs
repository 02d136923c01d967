using System.Globalization;
using Amazon.SQS.Model;
using Orchestrator.IntegrationTests.Infrastructure;

namespace Orchestrator.IntegrationTests.Emulator;

/// <summary>The receive loop works in batches of 10: the SQS maximum for receive and for every *Batch call.</summary>
[Collection(SqsS3EmulatorCollectionDefinition.Name)]
public sealed class SqsBatchTests(SqsS3EmulatorFixture emulator) : IAsyncLifetime
{
    private string _queueUrl = string.Empty;
    private string _dlqUrl = string.Empty;

    public async Task InitializeAsync() => (_queueUrl, _dlqUrl) = await emulator.CreateQueueWithDlqAsync();

    public Task DisposeAsync() => emulator.DeleteQueuesAsync(_queueUrl, _dlqUrl);

    [Fact]
    public async Task Ten_messages_sent_in_one_batch_are_received_and_deleted_in_one_batch_each()
    {
        var bodies = Enumerable.Range(0, 10).Select(i => $"{{\"n\":{i.ToString(CultureInfo.InvariantCulture)}}}").ToList();
        var entries = bodies.Select((body, i) => new SendMessageBatchRequestEntry($"m{i.ToString(CultureInfo.InvariantCulture)}", body));
        var sent = await emulator.Sqs.SendMessageBatchAsync(_queueUrl, [.. entries]);
        Assert.Equal(10, sent.Successful.Count);
        Assert.True(sent.Failed is null or [], "some entries failed"); // fauxqs sends [], AWS may omit it (null in SDK v4).

        var received = await emulator.Sqs.ReceiveMessageAsync(
            new ReceiveMessageRequest { QueueUrl = _queueUrl, MaxNumberOfMessages = 10, WaitTimeSeconds = 1 });
        Assert.Equal(bodies.Order(), received.Messages.Select(m => m.Body).Order());

        var deleted = await emulator.Sqs.DeleteMessageBatchAsync(
            _queueUrl, [.. received.Messages.Select(m => new DeleteMessageBatchRequestEntry(m.MessageId, m.ReceiptHandle))]);
        Assert.Equal(10, deleted.Successful.Count);
        Assert.True(deleted.Failed is null or [], "some deletes failed");
        Assert.Equal(new QueueMessageCounts(0, 0), await emulator.GetMessageCountsAsync(_queueUrl));
    }

    [Fact]
    public async Task A_batch_of_eleven_entries_is_rejected_as_on_AWS()
    {
        var entries = Enumerable.Range(0, 11)
            .Select(i => new SendMessageBatchRequestEntry($"m{i.ToString(CultureInfo.InvariantCulture)}", "x"))
            .ToList();

        await Assert.ThrowsAsync<TooManyEntriesInBatchRequestException>(() => emulator.Sqs.SendMessageBatchAsync(_queueUrl, entries));
        Assert.Equal(new QueueMessageCounts(0, 0), await emulator.GetMessageCountsAsync(_queueUrl));
    }
}
