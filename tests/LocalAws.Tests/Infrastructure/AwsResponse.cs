using System.Net;
using System.Text.Json.Nodes;

namespace LocalAws.Tests.Infrastructure;

/// <summary>One JSON 1.1 response: status, body and the headers the SDKs read.</summary>
internal sealed record AwsResponse(HttpStatusCode Status, JsonObject Body, string? RequestId, string? ContentType)
{
    public string? ErrorType => (string?)Body["__type"];

    public string? Message => (string?)Body["message"];
}
