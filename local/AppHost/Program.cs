// The local stack under .NET Aspire, with its dashboard (traces, metrics, structured logs, console output): the same
// processes, ports and settings as `local/up --headless --demo`, no containers. Started by `local/up` without flags.
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

var builder = DistributedApplication.CreateBuilder(args);

var root = FindRepositoryRoot();
var work = Directory.CreateTempSubdirectory("orchestrator-apphost-").FullName;

// The emulators print READY once they listen; here "healthy" is the same thing, seen from outside: their port accepts.
builder.Services.AddHealthChecks()
    .AddAsyncCheck("sqs-s3-listening", () => PortAcceptsAsync(4566))
    .AddAsyncCheck("glue-athena-listening", () => PortAcceptsAsync(4567))
    .AddCheck("orchestrator-polling", () => File.Exists(Path.Combine(work, "alive"))
        ? HealthCheckResult.Healthy()
        : HealthCheckResult.Unhealthy("no liveness file yet: the orchestrator has not polled"));

var emulators = Path.Combine(root, "local", "emulators");
var sqsS3 = builder.AddExecutable(
        "sqs-s3", "node", emulators,
        "sqs-s3.mjs", "--port", "4566", "--init", "init.json", "--notifications", "notifications.json")
    .WithHealthCheck("sqs-s3-listening");

var glueAthena = builder.AddProject<Projects.LocalAws>("glue-athena", launchProfileName: null)
    .WithArgs(
        "--port", "4567",
        "--seed", Path.Combine(root, "local", "demo", "seed.json"),
        "--s3-endpoint", "http://127.0.0.1:4566",
        "--athena-output", "s3://athena-results-local/primary/")
    .WithHealthCheck("glue-athena-listening")
    .WaitFor(sqsS3);

var orchestrator = builder.AddProject<Projects.Orchestrator>("orchestrator", launchProfileName: null)
    .WithArgs("run")
    .WithEnvironment("Orchestrator__Store__ConnectionString", $"Data Source={Path.Combine(work, "orchestrator.db")}")
    .WithEnvironment("Orchestrator__Health__LivenessFile", Path.Combine(work, "alive"))
    .WithHealthCheck("orchestrator-polling")
    .WaitFor(sqsS3)
    .WaitFor(glueAthena);
foreach (var (name, value) in ReadEnvironmentFile(Path.Combine(root, "local", "orchestrator.env")))
{
    orchestrator.WithEnvironment(name, value);
}

builder.AddExecutable("demo", "node", Path.Combine(root, "local"), "demo.mjs", "http://127.0.0.1:4566", "http://127.0.0.1:4567")
    .WaitFor(orchestrator);

Console.WriteLine("""
    local/up: the Aspire dashboard's login link is printed below ("Login to the dashboard at …").
      Resources:       sqs-s3 (SQS + S3, :4566), glue-athena (:4567), orchestrator, demo (uploads 3 CSVs, prints the seed's query).
      Traces:          orchestrator — per receive batch: messages, ledger write, orchestrator.glue.request; per run:
                       orchestrator.glue.run (linked to those requests) with its steps and Glue calls.
      Metrics:         orchestrator — orchestrator.ingestion.*, orchestrator.glue.* (runs, duration, DPU-seconds, cost).
      Structured logs: orchestrator; Console logs: every resource, including the demo's query result.
      Upload more CSVs to s3://data-lake-local/raw/sales/year=YYYY/month=MM/ with any S3 client. Ctrl+C stops everything.
    """);

using var app = builder.Build();
try
{
    await app.RunAsync();
}
finally
{
    Directory.Delete(work, recursive: true);
}

static async Task<HealthCheckResult> PortAcceptsAsync(int port)
{
    using var client = new TcpClient();
    try
    {
        await client.ConnectAsync("127.0.0.1", port);
        return HealthCheckResult.Healthy();
    }
    catch (SocketException e)
    {
        return HealthCheckResult.Unhealthy($"127.0.0.1:{port} does not accept connections ({e.SocketErrorCode})");
    }
}

// local/orchestrator.env: KEY=VALUE lines, '#' comments, values taken literally; shared with local/up, which reads it the same way.
static IEnumerable<(string Name, string Value)> ReadEnvironmentFile(string path)
{
    foreach (var line in File.ReadLines(path))
    {
        var text = line.Trim();
        if (text.Length == 0 || text.StartsWith('#'))
        {
            continue;
        }

        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new InvalidOperationException($"{path}: expected KEY=VALUE, got \"{text}\"");
        }

        yield return (text[..equals], text[(equals + 1)..]);
    }
}

static string FindRepositoryRoot()
{
    for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "Orchestrator.sln")))
        {
            return folder.FullName;
        }
    }

    throw new InvalidOperationException($"Orchestrator.sln not found above {AppContext.BaseDirectory}");
}
