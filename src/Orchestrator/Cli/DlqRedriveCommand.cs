using System.Globalization;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orchestrator.Configuration;

namespace Orchestrator.Cli;

/// <summary>
/// <c>orchestrator dlq redrive [--dry-run] [--max N]</c>: moves messages from the queue's dead-letter queue back to the queue.
/// A message is deleted from the DLQ only after SendMessageBatch accepted its copy, so a failure duplicates at worst (the
/// ledger is idempotent per object and sequencer), never loses. <c>--dry-run</c> receives, prints and releases the messages.
/// </summary>
internal static class DlqRedriveCommand
{
    public const int NoRedrivePolicy = 2;

    // SQS limits: ReceiveMessage, SendMessageBatch and DeleteMessageBatch take at most 10 messages.
    private const int Batch = 10;
    private const int Preview = 120;

    // While a run is going, received messages stay hidden for this long, so one pass does not receive the same message twice.
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(2);

    public static async Task<int> RunAsync(string? configFile, bool dryRun, int? max, TextWriter output, TextWriter error)
    {
        using var host = await OperatorHost.BuildAsync(configFile, error);
        if (host is null)
        {
            return RunCommand.InvalidConfiguration;
        }

        var sqs = host.Services.GetRequiredService<IAmazonSQS>();
        string queueUrl = host.Services.GetRequiredService<IOptions<OrchestratorOptions>>().Value.Queue.Url;
        try
        {
            if (await DeadLetterQueue.FindUrlAsync(sqs, queueUrl, CancellationToken.None) is not { } dlqUrl)
            {
                await error.WriteLineAsync($"orchestrator: the queue {queueUrl} has no redrive policy, so it has no dead-letter queue.");
                return NoRedrivePolicy;
            }

            int count = dryRun ? await PreviewAsync(sqs, dlqUrl, max, output) : await MoveAsync(sqs, dlqUrl, queueUrl, max, output, error);
            await output.WriteLineAsync(dryRun
                ? $"{count} message(s) in {dlqUrl} would be moved to {queueUrl} (dry run: nothing changed)."
                : $"moved {count} message(s) from {dlqUrl} to {queueUrl}.");
            return 0;
        }
        catch (AmazonServiceException ex)
        {
            await error.WriteLineAsync($"orchestrator: {ex.ErrorCode}: {ex.Message}");
            return 2;
        }
        catch (AmazonClientException ex)
        {
            await error.WriteLineAsync($"orchestrator: {ex.Message}");
            return 2;
        }
    }

    private static async Task<int> PreviewAsync(IAmazonSQS sqs, string dlqUrl, int? max, TextWriter output)
    {
        var held = new List<Message>();
        try
        {
            while (await ReceiveAsync(sqs, dlqUrl, Remaining(max, held.Count)) is { Count: > 0 } messages)
            {
                foreach (var message in messages)
                {
                    held.Add(message);
                    string body = message.Body ?? "";
                    await output.WriteLineAsync($"{message.MessageId}  {(body.Length > Preview ? body[..Preview] + "…" : body)}");
                }
            }
        }
        finally
        {
            // Visibility 0: the messages are back in the DLQ at once, as they were (only their receive count went up).
            foreach (var chunk in held.Chunk(Batch))
            {
                await sqs.ChangeMessageVisibilityBatchAsync(dlqUrl,
                    [.. chunk.Select((m, i) => new ChangeMessageVisibilityBatchRequestEntry(Id(i), m.ReceiptHandle) { VisibilityTimeout = 0 })]);
            }
        }

        return held.Count;
    }

    private static async Task<int> MoveAsync(IAmazonSQS sqs, string dlqUrl, string queueUrl, int? max, TextWriter output, TextWriter error)
    {
        int moved = 0;
        while (await ReceiveAsync(sqs, dlqUrl, Remaining(max, moved)) is { Count: > 0 } messages)
        {
            var sent = await sqs.SendMessageBatchAsync(queueUrl, [.. messages.Select((m, i) => new SendMessageBatchRequestEntry(Id(i), m.Body)
            {
                MessageAttributes = m.MessageAttributes is { Count: > 0 } attributes ? attributes : null,
            })]);
            foreach (var failed in sent.Failed ?? [])
            {
                var message = messages[int.Parse(failed.Id, CultureInfo.InvariantCulture)];
                await error.WriteLineAsync($"orchestrator: {message.MessageId} not moved ({failed.Code}: {failed.Message}); it stays in the DLQ.");
            }

            // Only what the source queue accepted leaves the DLQ; the rest becomes visible again after the hold.
            var accepted = (sent.Successful ?? []).Select(s => messages[int.Parse(s.Id, CultureInfo.InvariantCulture)]).ToList();
            if (accepted.Count > 0)
            {
                var deleted = await sqs.DeleteMessageBatchAsync(dlqUrl,
                    [.. accepted.Select((m, i) => new DeleteMessageBatchRequestEntry(Id(i), m.ReceiptHandle))]);
                foreach (var failed in deleted.Failed ?? [])
                {
                    await error.WriteLineAsync($"orchestrator: {accepted[int.Parse(failed.Id, CultureInfo.InvariantCulture)].MessageId} was copied but not deleted from the DLQ ({failed.Code}); it will be redriven again.");
                }
            }

            foreach (var message in accepted)
            {
                await output.WriteLineAsync($"moved {message.MessageId}");
            }

            moved += accepted.Count;
            if (sent.Successful is not { Count: > 0 })
            {
                break; // the source queue refuses everything: stop instead of spinning
            }
        }

        return moved;
    }

    private static async Task<List<Message>> ReceiveAsync(IAmazonSQS sqs, string queueUrl, int count)
    {
        if (count <= 0)
        {
            return [];
        }

        var response = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = queueUrl,
            MaxNumberOfMessages = count,
            WaitTimeSeconds = 1, // long polling asks every SQS server: a short poll can come back empty from a non-empty queue
            VisibilityTimeout = (int)Hold.TotalSeconds,
            MessageAttributeNames = ["All"],
        });
        return response.Messages ?? [];
    }

    private static int Remaining(int? max, int done) => Math.Min(Batch, max is { } m ? m - done : Batch);

    private static string Id(int index) => index.ToString(CultureInfo.InvariantCulture);
}
