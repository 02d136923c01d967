using System.Text.Json;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace Orchestrator.Cli;

/// <summary>The dead-letter queue of a source queue, found through its RedrivePolicy (<c>deadLetterTargetArn</c>).</summary>
internal static class DeadLetterQueue
{
    /// <summary>The DLQ's URL, or null when the queue has no redrive policy. SQS errors propagate.</summary>
    public static async Task<string?> FindUrlAsync(IAmazonSQS sqs, string queueUrl, CancellationToken cancellationToken)
    {
        var attributes = await sqs.GetQueueAttributesAsync(
            new GetQueueAttributesRequest { QueueUrl = queueUrl, AttributeNames = ["RedrivePolicy"] }, cancellationToken);
        if (attributes.Attributes?.GetValueOrDefault("RedrivePolicy") is not { Length: > 0 } policy)
        {
            return null;
        }

        using var document = JsonDocument.Parse(policy);
        if (!document.RootElement.TryGetProperty("deadLetterTargetArn", out var arn) || arn.GetString() is not { Length: > 0 } target)
        {
            return null;
        }

        // arn:aws:sqs:<region>:<account>:<name>. GetQueueUrl with the owner account also finds a DLQ in another account.
        string[] parts = target.Split(':');
        var request = new GetQueueUrlRequest { QueueName = parts[^1] };
        if (parts.Length >= 6 && parts[4].Length > 0)
        {
            request.QueueOwnerAWSAccountId = parts[4];
        }

        return (await sqs.GetQueueUrlAsync(request, cancellationToken)).QueueUrl;
    }
}
