using Amazon.SQS;
using Amazon.SQS.Model;
using Orchestrator.Testing;

namespace Orchestrator.Bench;

/// <summary>Fresh queues filled with S3 notifications, one object per message, before each timed run.</summary>
internal sealed class QueueLoader(IAmazonSQS sqs)
{
    public async Task<string> CreateFilledQueueAsync(string name, int messages, string bucket)
    {
        var queue = await sqs.CreateQueueAsync(new CreateQueueRequest
        {
            QueueName = $"{name}-{Guid.NewGuid():N}",
            Attributes = new Dictionary<string, string> { ["VisibilityTimeout"] = "60" },
        });
        var batches = Enumerable.Range(0, messages).Chunk(10).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (chunk, ct) =>
        {
            await sqs.SendMessageBatchAsync(new SendMessageBatchRequest
            {
                QueueUrl = queue.QueueUrl,
                Entries = chunk.Select(i => new SendMessageBatchRequestEntry(
                    i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    S3Notifications.Created(bucket, $"raw/sales/year=2024/month=01/part-{i:D6}.csv", S3Notifications.Sequencer(i)))).ToList(),
            }, ct);
        });
        return queue.QueueUrl;
    }
}
