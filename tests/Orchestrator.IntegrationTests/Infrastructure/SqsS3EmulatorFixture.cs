using System.Globalization;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace Orchestrator.IntegrationTests.Infrastructure;

/// <summary>
/// Starts the repository's SQS/S3 emulator (<c>local/emulators/sqs-s3.mjs</c>, fauxqs pinned by its lockfile) on a free
/// loopback port and hands out SDK clients configured for it. Installs the emulator's npm packages first when they are
/// missing; fails, never skips, when Node.js is not installed. The emulator starts with the S3 bucket notifications of
/// <see cref="NotificationSetup"/> (bucket and queues created at start, since notifications are configured only then).
/// </summary>
public sealed class SqsS3EmulatorFixture : IAsyncLifetime
{
    /// <summary>The region the clients sign for; fauxqs builds queue URLs and ARNs from it.</summary>
    public const string Region = "us-east-1";

    // npm ci is not part of this: it has its own timeout in NodeTooling.
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    // AWS limits: maxReceiveCount 1..1000, VisibilityTimeout 0..43200 s (12 h), 10 messages per receive.
    private const int MaxReceiveCountLimit = 1000;
    private static readonly TimeSpan MaxVisibilityTimeout = TimeSpan.FromHours(12);
    private const int MaxMessagesPerReceive = 10;

    private readonly string _configFolder = Directory.CreateTempSubdirectory("sqs-s3-fixture-").FullName;
    private NodeScriptProcess? _emulator;
    private AmazonSQSClient? _sqs;
    private AmazonS3Client? _s3;

    /// <summary><c>http://127.0.0.1:&lt;port&gt;</c>: one endpoint for both SQS and S3.</summary>
    public Uri ServiceUrl { get; private set; } = null!;

    /// <summary>An SQS client for the emulator (dummy credentials, <see cref="Region"/>).</summary>
    public AmazonSQSClient Sqs => _sqs ?? throw NotStarted();

    /// <summary>An S3 client for the emulator, path-style addressing (no wildcard DNS for virtual-hosted buckets).</summary>
    public AmazonS3Client S3 => _s3 ?? throw NotStarted();

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var emulators = Path.Combine(RepositoryRoot.Find(), "local", "emulators");
        var node = await NodeTooling.RequireNodeAsync(CancellationToken.None);
        await NodeTooling.EnsurePackagesInstalledAsync(emulators, CancellationToken.None);

        var (init, notifications) = NotificationSetup.WriteFiles(_configFolder);
        _emulator = await NodeScriptProcess.StartAsync(
            node,
            Path.Combine(emulators, "sqs-s3.mjs"),
            ["--port", "0", "--init", init, "--notifications", notifications, "--exit-with-stdin"],
            ReadyTimeout,
            CancellationToken.None);
        ServiceUrl = new Uri($"http://127.0.0.1:{_emulator.Port.ToString(CultureInfo.InvariantCulture)}");

        var credentials = new BasicAWSCredentials("test", "test");
        _sqs = new AmazonSQSClient(credentials, new AmazonSQSConfig { ServiceURL = ServiceUrl.AbsoluteUri, AuthenticationRegion = Region });
        _s3 = new AmazonS3Client(credentials, new AmazonS3Config
        {
            ServiceURL = ServiceUrl.AbsoluteUri,
            AuthenticationRegion = Region,
            ForcePathStyle = true,
        });
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        _sqs?.Dispose();
        _s3?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }

        Directory.Delete(_configFolder, recursive: true);
    }

    /// <summary>A name no other test uses (letters, digits and dashes: valid for queues and buckets).</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>
    /// Creates a randomly named queue whose RedrivePolicy moves a message to a new dead-letter queue after
    /// <paramref name="maxReceiveCount"/> receives.
    /// </summary>
    public async Task<(string QueueUrl, string DlqUrl)> CreateQueueWithDlqAsync(int maxReceiveCount = 3, TimeSpan? visibilityTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxReceiveCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxReceiveCount, MaxReceiveCountLimit);
        if (visibilityTimeout is { } timeout)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero, nameof(visibilityTimeout));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(timeout, MaxVisibilityTimeout, nameof(visibilityTimeout));
        }

        var name = UniqueName("it");
        var dlqUrl = (await Sqs.CreateQueueAsync(name + "-dlq")).QueueUrl;
        var dlqArn = (await Sqs.GetQueueAttributesAsync(dlqUrl, ["QueueArn"])).QueueARN;

        var redrivePolicy = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["deadLetterTargetArn"] = dlqArn,
            ["maxReceiveCount"] = maxReceiveCount,
        });
        var attributes = new Dictionary<string, string> { ["RedrivePolicy"] = redrivePolicy };
        if (visibilityTimeout is { } visibility)
        {
            attributes["VisibilityTimeout"] = ((int)Math.Ceiling(visibility.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        var queueUrl = (await Sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = name, Attributes = attributes })).QueueUrl;
        return (queueUrl, dlqUrl);
    }

    /// <summary>
    /// Visible and in-flight message counts from GetQueueAttributes (exact on the emulator, approximate on AWS).
    /// fauxqs 1.9.2 returns expired in-flight messages to the queue only when a ReceiveMessage runs, so a message whose
    /// visibility timeout has passed still counts as not visible until the next receive.
    /// </summary>
    public async Task<QueueMessageCounts> GetMessageCountsAsync(string queueUrl)
    {
        var response = await Sqs.GetQueueAttributesAsync(
            queueUrl, ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]);
        return new QueueMessageCounts(response.ApproximateNumberOfMessages, response.ApproximateNumberOfMessagesNotVisible);
    }

    /// <summary>
    /// Receives and deletes every visible message until a receive comes back empty, and returns what it deleted.
    /// In-flight messages are not waited for.
    /// </summary>
    public async Task<IReadOnlyList<Message>> DrainAsync(string queueUrl, CancellationToken cancellationToken = default)
    {
        var drained = new List<Message>();
        while (true)
        {
            var response = await Sqs.ReceiveMessageAsync(
                new ReceiveMessageRequest { QueueUrl = queueUrl, MaxNumberOfMessages = MaxMessagesPerReceive, WaitTimeSeconds = 0 },
                cancellationToken);
            if (response.Messages is not { Count: > 0 } messages)
            {
                return drained;
            }

            drained.AddRange(messages);
            var entries = messages.Select(
                (m, i) => new DeleteMessageBatchRequestEntry(i.ToString(CultureInfo.InvariantCulture), m.ReceiptHandle));
            await Sqs.DeleteMessageBatchAsync(queueUrl, [.. entries], cancellationToken);
        }
    }

    /// <summary>Deletes queues a test created; queues already gone are ignored.</summary>
    public async Task DeleteQueuesAsync(params string[] queueUrls)
    {
        ArgumentNullException.ThrowIfNull(queueUrls);
        foreach (var queueUrl in queueUrls)
        {
            try
            {
                await Sqs.DeleteQueueAsync(queueUrl);
            }
            catch (QueueDoesNotExistException)
            {
                // Cleanup is best effort: the test may have deleted it on purpose.
            }
        }
    }

    private static InvalidOperationException NotStarted() =>
        new($"{nameof(SqsS3EmulatorFixture)} is not initialized; use it as a collection fixture.");
}
