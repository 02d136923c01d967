using System.Globalization;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.SQS;
using Orchestrator.IntegrationTests.Infrastructure;

namespace Orchestrator.IntegrationTests.Reliability;

/// <summary>
/// A second fauxqs, used only for SQS, that can be restarted on the same port. fauxqs keeps everything in memory, so a
/// restart loses every message: it comes back with the same queue and DLQ (created at start from an <c>--init</c> file,
/// so a worker never sees a missing queue) and empty. What was in the queue is the harness's to re-send — as an operator
/// would re-drive from the S3 inventory after losing a queue — see <c>docs/reliability.md</c>. S3 stays on the main
/// emulator, so the objects and the curated output survive.
/// </summary>
internal sealed class RestartableSqsEmulator : IAsyncDisposable
{
    private const string Queue = "reliability-events";
    private readonly string folder = Directory.CreateTempSubdirectory("sqs-restartable-").FullName;
    private NodeScriptProcess? process;

    private RestartableSqsEmulator()
    {
    }

    public int Port { get; private set; }

    public Uri ServiceUrl => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>As the emulator names it (GetQueueUrl); the same after a restart, since the port is.</summary>
    public string QueueUrl { get; private set; } = "";

    public string DlqUrl { get; private set; } = "";

    public AmazonSQSClient Sqs { get; private set; } = null!;

    public static async Task<RestartableSqsEmulator> StartAsync(int maxReceiveCount)
    {
        var emulator = new RestartableSqsEmulator();
        string arn = $"arn:aws:sqs:{SqsS3EmulatorFixture.Region}:000000000000:{Queue}-dlq";
        var init = new
        {
            queues = new object[]
            {
                new { name = Queue + "-dlq" },
                new
                {
                    name = Queue,
                    attributes = new Dictionary<string, string>
                    {
                        ["RedrivePolicy"] = JsonSerializer.Serialize(new { deadLetterTargetArn = arn, maxReceiveCount = maxReceiveCount.ToString(CultureInfo.InvariantCulture) }),
                    },
                },
            },
        };
        await File.WriteAllTextAsync(Path.Combine(emulator.folder, "init.json"), JsonSerializer.Serialize(init));
        await emulator.LaunchAsync(0);
        emulator.Sqs = new AmazonSQSClient(new BasicAWSCredentials("test", "test"),
            new AmazonSQSConfig { ServiceURL = emulator.ServiceUrl.AbsoluteUri, AuthenticationRegion = SqsS3EmulatorFixture.Region });
        emulator.QueueUrl = (await emulator.Sqs.GetQueueUrlAsync(Queue)).QueueUrl;
        emulator.DlqUrl = (await emulator.Sqs.GetQueueUrlAsync(Queue + "-dlq")).QueueUrl;
        return emulator;
    }

    /// <summary>Kills the emulator (SIGKILL: no goodbye to open connections) and starts it again on the same port, empty.</summary>
    public async Task RestartAsync()
    {
        await process!.DisposeAsync();
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await LaunchAsync(Port);
                return;
            }
            catch (InvalidOperationException) when (attempt < 10)
            {
                await Task.Delay(500); // the port may take a moment to be free again
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Sqs?.Dispose();
        if (process is not null)
        {
            await process.DisposeAsync();
        }

        Directory.Delete(folder, recursive: true);
    }

    private async Task LaunchAsync(int port)
    {
        var emulators = Path.Combine(RepositoryRoot.Find(), "local", "emulators");
        var node = await NodeTooling.RequireNodeAsync(CancellationToken.None);
        process = await NodeScriptProcess.StartAsync(node, Path.Combine(emulators, "sqs-s3.mjs"),
            ["--port", port.ToString(CultureInfo.InvariantCulture), "--init", Path.Combine(folder, "init.json"), "--exit-with-stdin"],
            TimeSpan.FromSeconds(30), CancellationToken.None);
        Port = process.Port;
    }
}
