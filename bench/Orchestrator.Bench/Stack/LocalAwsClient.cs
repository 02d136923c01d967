using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Orchestrator.Bench.Stack;

/// <summary>
/// Glue and Athena calls to LocalAws as the wire protocol has them (JSON 1.1, X-Amz-Target), like local/demo.mjs: the
/// benchmark observes the catalog and queries from outside, as an Athena user would.
/// </summary>
internal sealed class LocalAwsClient(Uri endpoint) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(60) };

    public async Task<JsonObject> CallAsync(string target, JsonObject body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/", UriKind.Relative))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        request.Headers.Add("X-Amz-Target", target);
        string service = target.StartsWith("AWSGlue", StringComparison.Ordinal) ? "glue" : "athena";
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/{service}/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var json = JsonNode.Parse(text) as JsonObject ?? [];
        return response.IsSuccessStatusCode
            ? json
            : throw new InvalidOperationException($"{target}: {(int)response.StatusCode} {json["__type"]}: {json["message"] ?? json["Message"]}");
    }

    /// <summary>Runs one query to its end and returns the first column of every row (header row left out).</summary>
    public async Task<List<string>> QueryFirstColumnAsync(string sql, string database, CancellationToken cancellationToken = default)
    {
        var started = await CallAsync("AmazonAthena.StartQueryExecution", new JsonObject
        {
            ["QueryString"] = sql,
            ["QueryExecutionContext"] = new JsonObject { ["Database"] = database },
        }, cancellationToken).ConfigureAwait(false);
        string id = started["QueryExecutionId"]!.GetValue<string>();
        while (true)
        {
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            var status = (await CallAsync("AmazonAthena.GetQueryExecution", new JsonObject { ["QueryExecutionId"] = id }, cancellationToken)
                .ConfigureAwait(false))["QueryExecution"]!["Status"]!;
            string state = status["State"]!.GetValue<string>();
            if (state is "QUEUED" or "RUNNING")
            {
                continue;
            }

            if (state != "SUCCEEDED")
            {
                throw new InvalidOperationException($"query {state}: {status["StateChangeReason"]}");
            }

            break;
        }

        var values = new List<string>();
        string? token = null;
        bool header = true;
        do
        {
            var request = new JsonObject { ["QueryExecutionId"] = id, ["MaxResults"] = 1000 };
            if (token is not null)
            {
                request["NextToken"] = token;
            }

            var page = await CallAsync("AmazonAthena.GetQueryResults", request, cancellationToken).ConfigureAwait(false);
            foreach (var row in page["ResultSet"]!["Rows"]!.AsArray())
            {
                if (header)
                {
                    header = false;
                    continue;
                }

                values.Add(row!["Data"]![0]!["VarCharValue"]?.GetValue<string>() ?? "");
            }

            token = page["NextToken"]?.GetValue<string>();
        }
        while (token is not null);
        return values;
    }

    public void Dispose() => _http.Dispose();
}
