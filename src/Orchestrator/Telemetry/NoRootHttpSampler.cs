using OpenTelemetry.Trace;

namespace Orchestrator.Telemetry;

/// <summary>
/// The root sampler behind <see cref="ParentBasedSampler"/>: an HTTP request made outside any span of ours is not traced.
/// Those are the AWS SDK's SQS long polls (every poller, every <c>Queue:WaitTime</c>, messages or not), each of which would
/// otherwise be a one-span trace of its own — on ECS an X-Ray trace billed per poll, in the dashboard a list of "POST"
/// traces that hides the objects' and runs' traces. A received batch gets its own <c>receive</c> span, and every Glue,
/// Athena and S3 request the orchestrator makes inside its spans is still traced (the parent decides).
/// </summary>
internal sealed class NoRootHttpSampler : Sampler
{
    /// <summary>The operation name of HttpClient's activity (System.Net.Http's DiagnosticsHandler).</summary>
    internal const string HttpRequestOut = "System.Net.Http.HttpRequestOut";

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        new(samplingParameters.Name == HttpRequestOut ? SamplingDecision.Drop : SamplingDecision.RecordAndSample);
}
