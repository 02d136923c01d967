using Amazon.SQS;
using Amazon.SQS.Model;

namespace Orchestrator.Bench;

/// <summary>The ceiling: receive 10, delete the batch, no work at all — what the SDK and the emulator can do.</summary>
internal static class RawSdkConsumer
{
    public static async Task RunAsync(IAmazonSQS sqs, string queueUrl, int expected, int loops)
    {
        int done = 0;
        await Task.WhenAll(Enumerable.Range(0, loops).Select(async _ =>
        {
            while (Volatile.Read(ref done) < expected)
            {
                var response = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queueUrl, MaxNumberOfMessages = 10, WaitTimeSeconds = 1 });
                var messages = response.Messages ?? [];
                if (messages.Count == 0)
                {
                    continue;
                }

                await sqs.DeleteMessageBatchAsync(new DeleteMessageBatchRequest
                {
                    QueueUrl = queueUrl,
                    Entries = messages.Select((m, i) => new DeleteMessageBatchRequestEntry(i.ToString(System.Globalization.CultureInfo.InvariantCulture), m.ReceiptHandle)).ToList(),
                });
                Interlocked.Add(ref done, messages.Count);
            }
        }));
    }
}
