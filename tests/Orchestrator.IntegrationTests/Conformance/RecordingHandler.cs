using System.Collections.Concurrent;
using System.Net;

namespace Orchestrator.IntegrationTests.Conformance;

/// <summary>
/// The transport under the clients' SigV4 signer: sends each attempt to the emulator and keeps what went over the wire
/// (target, request body, status, response body), so the bodies can be checked against the official models.
/// </summary>
internal sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false })
{
    private readonly ConcurrentQueue<WireExchange> _exchanges = new();

    public IReadOnlyList<WireExchange> Exchanges => [.. _exchanges];

    public void Clear() => _exchanges.Clear();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.Single() : string.Empty;
        var requestBody = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        // Buffer the body so both the recorder and the client can read it.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var responseBody = await response.Content.ReadAsStringAsync(cancellationToken);
        _exchanges.Enqueue(new WireExchange(target, requestBody, response.StatusCode, responseBody));
        return response;
    }
}

/// <summary>One attempt as it went over the wire.</summary>
internal sealed record WireExchange(string Target, string RequestBody, HttpStatusCode Status, string ResponseBody)
{
    /// <summary>The operation name without the service prefix (<c>AWSGlue.GetJob</c> → <c>GetJob</c>).</summary>
    public string Operation => Target[(Target.IndexOf('.', StringComparison.Ordinal) + 1)..];
}
