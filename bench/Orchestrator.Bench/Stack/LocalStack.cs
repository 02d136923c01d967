using System.Globalization;
using Orchestrator.Bench.Figures;

namespace Orchestrator.Bench.Stack;

/// <summary>
/// The local stack of <c>local/up --headless</c>, started by the benchmark itself on free loopback ports (so it runs
/// beside the tests and another stack): the SQS/S3 emulator with the same init and S3 bucket notifications, LocalAws with
/// the demo seed, and — per benchmark — orchestrator processes with <c>local/orchestrator.env</c>'s settings.
/// </summary>
internal sealed class LocalStack : IDisposable
{
    private readonly List<ChildProcess> _processes = [];

    private LocalStack(string work) => Work = work;

    /// <summary>The folder for logs and stores; removed on dispose unless <see cref="KeepLogs"/>.</summary>
    public string Work { get; }

    /// <summary>Set when a benchmark fails, so that the processes' logs and the store stay for a look.</summary>
    public bool KeepLogs { get; set; }

    public Uri SqsS3 { get; private set; } = null!;

    public Uri? GlueAthena { get; private set; }

    /// <param name="glue">Also start LocalAws (Glue and Athena); the ingestion benchmark needs only SQS.</param>
    /// <param name="notifications">Start the SQS/S3 emulator with local/'s queues, buckets and bucket notifications.</param>
    /// <param name="localAwsArguments">LocalAws's arguments after the port and the S3 endpoint; by default the demo seed
    /// and the local stack's Athena result location.</param>
    public static async Task<LocalStack> StartAsync(string name, bool glue, bool notifications, IReadOnlyList<string>? localAwsArguments = null)
    {
        var stack = new LocalStack(Directory.CreateTempSubdirectory($"orchestrator-bench-{name}-").FullName);
        try
        {
            List<string> arguments = [RepoPaths.SqsS3Emulator, "--port", "0", "--exit-with-stdin"];
            if (notifications)
            {
                arguments.AddRange(["--init", RepoPaths.EmulatorInit, "--notifications", RepoPaths.EmulatorNotifications]);
            }

            var sqsS3 = stack.Start("the SQS/S3 emulator", "node", arguments, "sqs-s3.log");
            stack.SqsS3 = Loopback(await sqsS3.WaitForReadyAsync(TimeSpan.FromSeconds(60)));
            if (glue)
            {
                var localAws = stack.Start("LocalAws", "dotnet",
                [
                    RepoPaths.LocalAws, "--port", "0", "--s3-endpoint", stack.SqsS3.ToString(),
                    .. localAwsArguments ?? ["--seed", RepoPaths.LocalAwsSeed, "--athena-output", "s3://athena-results-local/primary/"],
                ], "localaws.log");
                stack.GlueAthena = Loopback(await localAws.WaitForReadyAsync(TimeSpan.FromSeconds(120)));
            }

            return stack;
        }
        catch
        {
            stack.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The orchestrator's environment on this stack: <c>local/orchestrator.env</c> with the endpoints, the queue URL, a
    /// SQLite store and a liveness file of this run; <paramref name="overrides"/> last.
    /// </summary>
    public Dictionary<string, string> OrchestratorEnvironment(string queueUrl, string storeFolder, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var environment = EnvFile.Parse(File.ReadLines(RepoPaths.OrchestratorEnv));
        environment["AWS_ENDPOINT_URL_SQS"] = SqsS3.ToString();
        environment["AWS_ENDPOINT_URL_S3"] = SqsS3.ToString();
        if (GlueAthena is not null)
        {
            environment["AWS_ENDPOINT_URL_GLUE"] = GlueAthena.ToString();
            environment["AWS_ENDPOINT_URL_ATHENA"] = GlueAthena.ToString();
        }

        environment["Orchestrator__Queue__Url"] = queueUrl;
        environment["Orchestrator__Store__ConnectionString"] = $"Data Source={Path.Combine(storeFolder, "orchestrator.db")}";
        environment["Orchestrator__Health__LivenessFile"] = Path.Combine(storeFolder, "alive");
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return environment;
    }

    /// <summary>Starts a process that belongs to this stack (stopped with it); its log goes to <see cref="Work"/>.</summary>
    public ChildProcess Start(string name, string fileName, IEnumerable<string> arguments, string log, IReadOnlyDictionary<string, string>? environment = null)
    {
        var process = ChildProcess.Start(name, fileName, arguments, Path.Combine(Work, log), environment);
        _processes.Add(process);
        return process;
    }

    public void Dispose()
    {
        for (int i = _processes.Count - 1; i >= 0; i--)
        {
            _processes[i].Dispose();
        }

        if (KeepLogs)
        {
            Console.Error.WriteLine($"logs kept in {Work}");
            return;
        }

        try
        {
            Directory.Delete(Work, recursive: true);
        }
        catch (IOException)
        {
            // A process that was just killed may still hold a file; the folder is under /tmp.
        }
    }

    private static Uri Loopback(int port) => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
}
