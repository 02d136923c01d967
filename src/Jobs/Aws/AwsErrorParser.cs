using System.Net;
using System.Text;
using System.Text.Json;

namespace Orchestrator.Jobs.Aws;

/// <summary>
/// Reads an error of the AWS <c>json</c> protocol: the code comes from the <c>x-amzn-ErrorType</c> header or the body's
/// <c>__type</c> (or <c>code</c>), in the forms <c>EntityNotFoundException</c>, <c>com.amazonaws.glue#EntityNotFoundException</c>
/// and <c>ValidationException:http://internal.amazon.com/…</c>; the message from <c>message</c> or <c>Message</c>.
/// A body that is not JSON (a load balancer's HTML page) still gives an error, named after the HTTP status.
/// </summary>
internal static class AwsErrorParser
{
    public const string RequestIdHeader = "x-amzn-RequestId";

    private const string ErrorTypeHeader = "x-amzn-ErrorType";

    public static AwsErrorResponse Parse(HttpStatusCode status, string? requestId, string? errorTypeHeader, ReadOnlySpan<byte> body)
    {
        string? code = Sanitize(errorTypeHeader);
        string? message = null;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString();
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        reader.Skip();
                        continue;
                    }

                    if (name is "__type" or "code" or "Code")
                    {
                        code ??= Sanitize(reader.GetString());
                    }
                    else if (name is "message" or "Message" or "errorMessage")
                    {
                        message ??= reader.GetString();
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: keep what the header and the status say, and a readable piece of the body.
            message = Encoding.UTF8.GetString(body[..Math.Min(body.Length, 256)]);
        }

        code = string.IsNullOrEmpty(code) ? CodeFromStatus(status) : code;
        return new AwsErrorResponse(code, string.IsNullOrEmpty(message) ? code : message, requestId, status);
    }

    public static AwsErrorResponse Parse(HttpResponseMessage response, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(response);
        return Parse(response.StatusCode, Header(response, RequestIdHeader), Header(response, ErrorTypeHeader), body);
    }

    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    // "aws.protocoltests#FooError:http://internal.amazon.com/…" → "FooError".
    internal static string? Sanitize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var code = raw.Trim();
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            code = code[..colon];
        }

        var hash = code.LastIndexOf('#');
        if (hash >= 0)
        {
            code = code[(hash + 1)..];
        }

        return code.Length == 0 ? null : code;
    }

    private static string CodeFromStatus(HttpStatusCode status) => status switch
    {
        HttpStatusCode.TooManyRequests => "TooManyRequestsException",
        HttpStatusCode.ServiceUnavailable => "ServiceUnavailable",
        HttpStatusCode.Forbidden => "AccessDeniedException",
        >= HttpStatusCode.InternalServerError => "InternalFailure",
        _ => "UnknownError",
    };
}
