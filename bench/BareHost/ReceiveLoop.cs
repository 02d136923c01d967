using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Orchestrator.Bench.BareHost;

/// <summary>Receives and deletes, nothing else: the least a consumer host can do before its first receive.</summary>
internal sealed class ReceiveLoop(IAmazonSQS sqs, IConfiguration configuration) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string queueUrl = configuration["QueueUrl"] ?? throw new InvalidOperationException("--QueueUrl is required");
        while (!stoppingToken.IsCancellationRequested)
        {
            var response = await sqs.ReceiveMessageAsync(
                new ReceiveMessageRequest { QueueUrl = queueUrl, MaxNumberOfMessages = 10, WaitTimeSeconds = 1 }, stoppingToken);
            foreach (var message in response.Messages ?? [])
            {
                await sqs.DeleteMessageAsync(queueUrl, message.ReceiptHandle, stoppingToken);
            }
        }
    }
}
