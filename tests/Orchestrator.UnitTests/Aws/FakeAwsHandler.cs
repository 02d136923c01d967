using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Orchestrator.UnitTests.Aws;

/// <summary>
/// The transport under the real SigV4 signer: records each request as it reached the wire and answers from a script.
/// When the script runs out, the last step repeats.
/// </summary>
internal sealed class FakeAwsHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<SentRequest, HttpResponseMessage?>> script = new();
    private Func<SentRequest, HttpResponseMessage?>? last;

    public List<SentRequest> Requests { get; } = [];

    public FakeAwsHandler Then(Func<SentRequest, HttpResponseMessage?> step)
    {
        script.Enqueue(step);
        return this;
    }

    public FakeAwsHandler ThenJson(string json, HttpStatusCode status = HttpStatusCode.OK, string requestId = "req-ok") =>
        Then(_ => Json(status, json, requestId));

    public FakeAwsHandler ThenError(string type, HttpStatusCode status, string message = "boom", string requestId = "req-err") =>
        Then(_ => Json(status, $$"""{"__type":"{{type}}","message":"{{message}}"}""", requestId));

    public FakeAwsHandler ThenThrow(Exception exception) => Then(_ => throw exception);

    /// <summary>Never answers: the request waits until its token (the attempt timeout or the caller's) is cancelled.</summary>
    public FakeAwsHandler ThenHang() => Then(_ => null);

    public static HttpResponseMessage Json(HttpStatusCode status, string json, string requestId = "req-ok")
    {
        var response = new HttpResponseMessage(status)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/x-amz-json-1.1"),
        };
        response.Headers.TryAddWithoutValidation("x-amzn-RequestId", requestId);
        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var sent = new SentRequest(request, body);
        lock (Requests)
        {
            Requests.Add(sent);
        }

        if (script.TryDequeue(out var step))
        {
            last = step;
        }

        var response = (last ?? throw new InvalidOperationException("No response scripted."))(sent);
        if (response is null)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return response!;
    }
}
