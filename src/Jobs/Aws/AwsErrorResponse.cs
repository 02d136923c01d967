using System.Net;

namespace Orchestrator.Jobs.Aws;

/// <summary>An error response as read off the wire, before it becomes a service-specific exception.</summary>
/// <param name="Code">The error code without namespace or suffix, e.g. <c>EntityNotFoundException</c>.</param>
/// <param name="Message">The service's message.</param>
/// <param name="RequestId">The <c>x-amzn-RequestId</c> header.</param>
/// <param name="StatusCode">The HTTP status.</param>
internal sealed record AwsErrorResponse(string Code, string Message, string? RequestId, HttpStatusCode StatusCode);
