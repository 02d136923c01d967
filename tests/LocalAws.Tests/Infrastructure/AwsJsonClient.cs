using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace LocalAws.Tests.Infrastructure;

/// <summary>
/// Hand-built JSON 1.1 requests, as an SDK sends them: X-Amz-Target, the 1.1 content type and a SigV4-looking
/// Authorization header (the emulator checks its presence and scheme, not the signature).
/// </summary>
internal sealed class AwsJsonClient(HttpClient http)
{
    public const string Authorization =
        "AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/glue/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0123";

    public async Task<AwsResponse> SendAsync(string target, string body, string? authorization = Authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        request.Content = new StringContent(body, Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? [];
        var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.First() : null;
        return new AwsResponse(response.StatusCode, json, requestId, response.Content.Headers.ContentType?.MediaType);
    }

    public Task<JsonObject> GlueAsync(string operation, string body) => CallAsync("AWSGlue." + operation, body);

    public Task<JsonObject> AthenaAsync(string operation, string body) => CallAsync("AmazonAthena." + operation, body);

    public Task<AwsResponse> GlueErrorAsync(string operation, string body) => SendAsync("AWSGlue." + operation, body);

    public Task<AwsResponse> AthenaErrorAsync(string operation, string body) => SendAsync("AmazonAthena." + operation, body);

    private async Task<JsonObject> CallAsync(string target, string body)
    {
        var response = await SendAsync(target, body);
        return response.Status == System.Net.HttpStatusCode.OK ? response.Body : throw new AwsCallException(response);
    }
}
