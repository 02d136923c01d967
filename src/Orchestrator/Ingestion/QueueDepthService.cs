using System.Diagnostics.Metrics;
using System.Text.Json;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using Orchestrator.Configuration;

namespace Orchestrator.Ingestion;

/// <summary>
/// Polls GetQueueAttributes for the queue and its DLQ (found through the queue's RedrivePolicy) every
/// <see cref="QueueOptions.DepthPollInterval"/> and publishes the counts as <c>orchestrator.queue.depth</c>. SQS has no
/// "age of the oldest message" attribute (that is the CloudWatch metric <c>ApproximateAgeOfOldestMessage</c>), so none is
/// published. A failed poll is a warning and drops that queue's points until the next success: a gauge that repeats a stale
/// value would hide an outage. It never stops the host, since ingestion does not depend on it.
/// </summary>
internal sealed class QueueDepthService : BackgroundService
{
    private const string Visible = "ApproximateNumberOfMessages";
    private const string NotVisible = "ApproximateNumberOfMessagesNotVisible";
    private const string RedrivePolicy = "RedrivePolicy";

    private readonly IAmazonSQS sqs;
    private readonly QueueOptions queue;
    private readonly TimeProvider time;
    private readonly ILogger<QueueDepthService> logger;
    private readonly Meter meter;
    private volatile QueueDepth? main;
    private volatile QueueDepth? dlq;
    private string? dlqUrl;
    private string? dlqArn;

    public QueueDepthService(
        IAmazonSQS sqs, IOptions<OrchestratorOptions> options, TimeProvider time, IMeterFactory meters, ILogger<QueueDepthService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meters);
        this.sqs = sqs;
        queue = options.Value.Queue;
        this.time = time;
        this.logger = logger;
        // From the factory, not static: the gauge reads this instance's state and goes away with the host.
        meter = meters.Create(IngestionTelemetry.Name, typeof(QueueDepthService).Assembly.GetName().Version?.ToString());
        meter.CreateObservableGauge("orchestrator.queue.depth", Observe, "{message}",
            "Approximate messages in the queue and its DLQ (GetQueueAttributes), by queue (main, dlq) and state (visible, in_flight).");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var timer = new PeriodicTimer(queue.DepthPollInterval, time);
        do
        {
            // Two HTTP calls every interval are not worth a trace each: keep the HttpClient instrumentation out of them.
            using (SuppressInstrumentationScope.Begin())
            {
                await PollAsync(stoppingToken);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    public override void Dispose()
    {
        meter.Dispose();
        base.Dispose();
    }

    /// <summary>One poll of both queues; public to the assembly so that a test can drive it without waiting.</summary>
    internal async Task PollAsync(CancellationToken cancellationToken)
    {
        string? deadLetterArn = null;
        try
        {
            var response = await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest
            {
                QueueUrl = queue.Url,
                AttributeNames = [Visible, NotVisible, RedrivePolicy],
            }, cancellationToken);
            main = ToDepth("main", queue.Url, response.Attributes);
            deadLetterArn = DeadLetterArn(response.Attributes);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            main = null;
            dlq = null;
            Log.DepthPollFailed(logger, queue.Url, ex.GetType().Name, queue.DepthPollInterval, ex);
            return;
        }

        if (deadLetterArn is null)
        {
            dlq = null; // no redrive policy: SqsIngestionService already warns about that at start
            return;
        }

        try
        {
            var url = await ResolveDlqUrlAsync(deadLetterArn, cancellationToken);
            if (url is null)
            {
                dlq = null;
                return;
            }

            var response = await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest
            {
                QueueUrl = url,
                AttributeNames = [Visible, NotVisible],
            }, cancellationToken);
            dlq = ToDepth("dlq", url, response.Attributes);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            dlq = null;
            dlqArn = null; // the DLQ may have been replaced: resolve it again next time
            Log.DepthPollFailed(logger, dlqUrl ?? deadLetterArn, ex.GetType().Name, queue.DepthPollInterval, ex);
        }
    }

    private IEnumerable<Measurement<long>> Observe()
    {
        foreach (var depth in new[] { main, dlq })
        {
            if (depth is null)
            {
                continue;
            }

            yield return Point(depth, "visible", depth.Visible);
            yield return Point(depth, "in_flight", depth.InFlight);
        }
    }

    // Two queues per deployment: the queue name is a bounded tag, unlike message or object ids.
    private static Measurement<long> Point(QueueDepth depth, string state, long value) => new(value,
        new KeyValuePair<string, object?>("queue", depth.Role),
        new KeyValuePair<string, object?>("state", state),
        new KeyValuePair<string, object?>("messaging.system", "aws_sqs"),
        new KeyValuePair<string, object?>("messaging.destination.name", depth.QueueName));

    private async Task<string?> ResolveDlqUrlAsync(string arn, CancellationToken cancellationToken)
    {
        if (arn == dlqArn && dlqUrl is not null)
        {
            return dlqUrl;
        }

        // arn:aws:sqs:<region>:<account>:<name>
        var parts = arn.Split(':');
        if (parts.Length != 6 || parts[2] != "sqs")
        {
            Log.BadDeadLetterArn(logger, queue.Url, arn);
            return null;
        }

        var response = await sqs.GetQueueUrlAsync(new GetQueueUrlRequest { QueueName = parts[5], QueueOwnerAWSAccountId = parts[4] }, cancellationToken);
        dlqUrl = response.QueueUrl;
        dlqArn = arn;
        return dlqUrl;
    }

    private static string? DeadLetterArn(Dictionary<string, string>? attributes)
    {
        if (attributes is null || !attributes.TryGetValue(RedrivePolicy, out var policy) || string.IsNullOrWhiteSpace(policy))
        {
            return null;
        }

        using var document = JsonDocument.Parse(policy);
        return document.RootElement.TryGetProperty("deadLetterTargetArn", out var arn) ? arn.GetString() : null;
    }

    private static QueueDepth ToDepth(string role, string url, Dictionary<string, string>? attributes) =>
        new(role, QueueNames.FromUrl(url), Count(attributes, Visible), Count(attributes, NotVisible));

    private static long Count(Dictionary<string, string>? attributes, string name) =>
        attributes is not null && attributes.TryGetValue(name, out var value)
            && long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long count)
            ? count
            : 0;

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false; // shutdown is normal
        }
    }
}
