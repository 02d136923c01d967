using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalAws.Faults;

namespace LocalAws.Wire;

/// <summary>
/// POST / for both services, the JSON 1.1 protocol: X-Amz-Target names the operation, the body holds its members,
/// errors are <c>{"__type": …, "message": …}</c> with status 400 (client), 403 (authentication) or 500 (internal).
/// </summary>
internal sealed class AwsJsonEndpoint(OperationTable operations, FaultInjector faults, ILogger<AwsJsonEndpoint> logger)
{
    public const string ContentType = "application/x-amz-json-1.1";
    private const string SigV4Scheme = "AWS4-HMAC-SHA256";

    public async Task HandleAsync(HttpContext context)
    {
        var requestId = Guid.NewGuid().ToString();
        context.Response.Headers["x-amzn-RequestId"] = requestId;
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var service = target.StartsWith("AmazonAthena.", StringComparison.Ordinal) ? AwsService.Athena : AwsService.Glue;
        try
        {
            RequireSignature(context.Request);
            if (!operations.TryGet(target, out var operation))
            {
                throw new AwsServiceException("UnknownOperationException", $"Operation '{target}' is not supported");
            }

            await faults.ApplyAsync(operation, context.RequestAborted);
            var request = await ReadBodyAsync(context.Request, context.RequestAborted);
            var response = await operation.Handler(request, context.RequestAborted);
            await WriteAsync(context.Response, HttpStatusCode.OK, response);
        }
        catch (AwsServiceException error)
        {
            await WriteErrorAsync(context.Response, error);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
#pragma warning disable CA1031 // Any other failure is a bug in the emulator; the client must still get AWS's 500 shape.
        catch (Exception error)
#pragma warning restore CA1031
        {
            EndpointLog.UnhandledError(logger, target, error);
            await WriteErrorAsync(context.Response, ServiceErrorCodes.InternalError(service, error.Message));
        }
    }

    // AWS rejects unsigned calls before looking at the operation; the signature itself is not checked here.
    private static void RequireSignature(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length == 0)
        {
            throw new AwsServiceException("MissingAuthenticationTokenException", "Missing Authentication Token", HttpStatusCode.Forbidden);
        }

        if (!authorization.StartsWith(SigV4Scheme, StringComparison.Ordinal))
        {
            throw new AwsServiceException("IncompleteSignatureException",
                $"Unsupported authorization scheme; AWS expects {SigV4Scheme}. Authorization={authorization}",
                HttpStatusCode.Forbidden);
        }

        if (!authorization.Contains("Credential=", StringComparison.Ordinal))
        {
            throw new AwsServiceException("IncompleteSignatureException",
                $"Authorization header requires 'Credential' parameter. Authorization={authorization}", HttpStatusCode.Forbidden);
        }
    }

    private static async Task<JsonObject> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new AwsServiceException("SerializationException", "Start of structure or map found where not expected.");
        }
        catch (JsonException error)
        {
            throw new AwsServiceException("SerializationException", error.Message);
        }
    }

    private static Task WriteErrorAsync(HttpResponse response, AwsServiceException error)
    {
        // Both spellings: the models name the member "Message"; the SDKs also read "message".
        var body = new JsonObject { ["__type"] = error.ErrorCode, ["message"] = error.Message, ["Message"] = error.Message };
        foreach (var (key, value) in error.ExtraMembers ?? new Dictionary<string, string>())
        {
            body[key] = value;
        }

        response.Headers["x-amzn-ErrorType"] = error.ErrorCode;
        return WriteAsync(response, error.StatusCode, body);
    }

    private static async Task WriteAsync(HttpResponse response, HttpStatusCode status, JsonObject body)
    {
        response.StatusCode = (int)status;
        response.ContentType = ContentType;
        RemoveNulls(body);
        await response.WriteAsync(body.ToJsonString());
    }

    // AWS leaves absent members out instead of sending null (SDK v4 then reports null collections, not empty ones).
    private static void RemoveNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
                {
                    obj.Remove(key);
                }

                foreach (var (_, value) in obj)
                {
                    RemoveNulls(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    RemoveNulls(item);
                }

                break;
        }
    }
}
