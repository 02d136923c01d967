using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using System.Reflection;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.Jobs.Aws;
using Orchestrator.Jobs.Aws.Athena;
using Orchestrator.Jobs.Aws.Glue;

namespace Orchestrator.IntegrationTests.Conformance;

/// <summary>
/// LocalAws as a child process on a free port (<c>dotnet LocalAws.dll --port 0</c>, over the SQS/S3 emulator), the project's real Glue and Athena clients pointed at it
/// through a <see cref="RecordingHandler"/>, and the official API models from <c>tests/conformance/node_modules/aws-sdk</c>
/// (installed with <c>npm ci</c> when missing). Shared by the conformance tests, which run one at a time because the
/// emulator's fault rules are global.
/// </summary>
public sealed class ConformanceFixture : IAsyncLifetime
{
    public const string DataBucket = "lake-data";
    public const string ResultsBucket = "athena-results";

    internal const string TestSourceName = "Orchestrator.IntegrationTests.Conformance";

    internal static readonly ActivitySource TestSource = new(TestSourceName);

    private readonly SqsS3EmulatorFixture _s3 = new();
    private readonly ConcurrentQueue<Activity> _activities = new();
    private readonly ActivityListener _listener;
    private NodeScriptProcess? _localAws;
    private HttpClient? _setup;

    public ConformanceFixture()
    {
        _listener = new ActivityListener
        {
            // By name: comparing with TestSource would run its initializer inside this check, before the field is assigned.
            ShouldListenTo = source => source.Name is AwsTelemetry.Name or TestSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _activities.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    internal RecordingHandler Wire { get; } = new();

    internal IAmazonGlue Glue { get; private set; } = null!;

    internal IAmazonAthena Athena { get; private set; } = null!;

    internal ApiModel GlueModel { get; private set; } = null!;

    internal ApiModel AthenaModel { get; private set; } = null!;

    internal Amazon.S3.AmazonS3Client S3 => _s3.S3;

    public async Task InitializeAsync()
    {
        (GlueModel, AthenaModel) = await LoadModelsAsync();
        await _s3.InitializeAsync();
        await _s3.S3.PutBucketAsync(DataBucket);
        await _s3.S3.PutBucketAsync(ResultsBucket);
        // NodeScriptProcess runs "<program> <script> args" and waits for READY <port>: here dotnet and the emulator's dll.
        _localAws = await NodeScriptProcess.StartAsync(
            "dotnet", LocalAwsDll(),
            ["--port", "0", "--s3-endpoint", _s3.ServiceUrl.ToString(), "--athena-output", $"s3://{ResultsBucket}/primary/",
                "--athena-queue-seconds", "0.05"],
            TimeSpan.FromSeconds(60), CancellationToken.None);
        var endpoint = new Uri($"http://127.0.0.1:{_localAws.Port}");
        _setup = new HttpClient { BaseAddress = endpoint };

        // Short backoff so retry tests take milliseconds; jitter 1 = the full (tiny) delay.
        var options = new AwsClientOptions
        {
            Region = "us-east-1",
            Credentials = new BasicAWSCredentials("AKIDCONFORMANCE", "not-a-secret"),
            MaxAttempts = 4,
            BaseDelay = TimeSpan.FromMilliseconds(10),
            MaxDelay = TimeSpan.FromMilliseconds(50),
        };
        Glue = new GlueClient(AwsClientFactory.Create(
            GlueClient.Descriptor, endpoint, options, Wire, _ => null, TimeProvider.System, NullLoggerFactory.Instance, () => 1.0));
        Athena = new AthenaClient(AwsClientFactory.Create(
            AthenaClient.Descriptor, endpoint, options, Wire, _ => null, TimeProvider.System, NullLoggerFactory.Instance, () => 1.0));
    }

    public async Task DisposeAsync()
    {
        Glue?.Dispose();
        Athena?.Dispose();
        _setup?.Dispose();
        if (_localAws is not null)
        {
            await _localAws.DisposeAsync();
        }

        await _s3.DisposeAsync();
        _listener.Dispose();
    }

    /// <summary>The official models, from the aws-sdk v2 package pinned in tests/conformance/package-lock.json.</summary>
    internal static async Task<(ApiModel Glue, ApiModel Athena)> LoadModelsAsync()
    {
        var folder = Path.Combine(RepositoryRoot.Find(), "tests", "conformance");
        await NodeTooling.EnsurePackagesInstalledAsync(folder, CancellationToken.None);
        var apis = Path.Combine(folder, "node_modules", "aws-sdk", "apis");
        return (ApiModel.Load(Path.Combine(apis, "glue-2017-03-31.min.json")), ApiModel.Load(Path.Combine(apis, "athena-2017-05-18.min.json")));
    }

    /// <summary>The emulator built with the same configuration as these tests (the project reference builds it first).</summary>
    private static string LocalAwsDll()
    {
        var configuration = typeof(ConformanceFixture).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = Path.Combine(RepositoryRoot.Find(), "local", "LocalAws", "bin", configuration, "net10.0", "LocalAws.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build local/LocalAws (dotnet build Orchestrator.sln).");
    }

    public static string Unique(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    /// <summary>A setup call the clients do not offer (CreateDatabase, CreateJob, …), sent as raw JSON 1.1.</summary>
    internal async Task<JsonObject> SetupAsync(string target, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/x-amz-json-1.1"),
        };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        // The emulator checks the scheme and the Credential part only.
        request.Headers.TryAddWithoutValidation(
            "Authorization", "AWS4-HMAC-SHA256 Credential=AKIDSETUP/20260101/us-east-1/glue/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await _setup!.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"setup {target} failed: {(int)response.StatusCode} {text}");
        return (JsonObject)JsonNode.Parse(text)!;
    }

    /// <summary>Sets a fault rule on the emulator's admin endpoint (see local/LocalAws/README.md).</summary>
    internal async Task FaultAsync(string operation, double throttleRate = 0, double serverErrorRate = 0, int? count = null)
    {
        var rule = new JsonObject
        {
            ["operation"] = operation, ["throttleRate"] = throttleRate, ["serverErrorRate"] = serverErrorRate, ["count"] = count,
        };
        using var response = await _setup!.PostAsync(
            "/__admin/faults", new StringContent(rule.ToJsonString(), Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }

    internal async Task ClearFaultsAsync()
    {
        using var response = await _setup!.DeleteAsync("/__admin/faults");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>The client spans (Glue.X / Athena.X) recorded under <paramref name="parent"/>'s trace.</summary>
    internal IReadOnlyList<Activity> ClientSpans(Activity? parent)
    {
        Assert.True(parent is not null, $"no listener sampled {TestSource.Name}");
        return [.. _activities.Where(a => a.TraceId == parent.TraceId && a.Source.Name == AwsTelemetry.Name)];
    }

    /// <summary>
    /// Checks every recorded attempt against the official model: each request body against the operation's input shape,
    /// each 2xx response against its output shape, each error response for an AWS error shape (<c>__type</c>).
    /// Fails with every violation's operation and member path. Clears the record.
    /// </summary>
    internal void AssertWireConformsToModels()
    {
        var exchanges = Wire.Exchanges;
        Wire.Clear();
        Assert.NotEmpty(exchanges);
        var violations = new List<string>();
        foreach (var exchange in exchanges)
        {
            var model = exchange.Target.StartsWith(GlueModel.TargetPrefix + ".", StringComparison.Ordinal) ? GlueModel
                : exchange.Target.StartsWith(AthenaModel.TargetPrefix + ".", StringComparison.Ordinal) ? AthenaModel
                : null;
            if (model is null || !model.HasOperation(exchange.Operation))
            {
                violations.Add($"{exchange.Target}: not an operation of the Glue or Athena models");
                continue;
            }

            violations.AddRange(model.Validate(exchange.Operation, ModelDirection.Input, JsonNode.Parse(exchange.RequestBody))
                .Select(v => $"{exchange.Target} request {v}"));
            if ((int)exchange.Status is >= 200 and < 300)
            {
                var body = exchange.ResponseBody.Length == 0 ? new JsonObject() : JsonNode.Parse(exchange.ResponseBody);
                violations.AddRange(model.Validate(exchange.Operation, ModelDirection.Output, body)
                    .Select(v => $"{exchange.Target} response {v}"));
            }
            else if (JsonNode.Parse(exchange.ResponseBody)?["__type"] is null)
            {
                violations.Add($"{exchange.Target} error response {(int)exchange.Status} without __type: {exchange.ResponseBody}");
            }
        }

        Assert.True(violations.Count == 0, "Wire bodies that break the official API models:" + Environment.NewLine
            + string.Join(Environment.NewLine, violations));
    }
}
