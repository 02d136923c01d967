using System.Diagnostics;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;

namespace Orchestrator.Jobs.Aws;

/// <summary>
/// One call of an AWS JSON 1.1 operation: <c>POST /</c> with <c>X-Amz-Target</c>, retried with jittered exponential backoff.
/// The retry loop sits outside the SigV4 signer in <paramref name="http"/>'s handler chain, so every attempt is a new
/// <see cref="HttpRequestMessage"/> with a fresh signature (a signature names its time and expires after 5 minutes).
/// The body is serialized once, so idempotency tokens are the same in every attempt.
/// </summary>
internal sealed class AwsJsonClient(
    AwsServiceDescriptor service,
    HttpClient http,
    Uri endpoint,
    AwsClientOptions options,
    TimeProvider time,
    ILogger logger,
    Func<double> jitter) : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/x-amz-json-1.1");

    public AwsServiceDescriptor Service => service;

    public Uri Endpoint => endpoint;

    /// <summary>Calls <paramref name="operation"/>.</summary>
    /// <param name="idempotent">
    /// False for operations that must not run twice (StartJobRun): they are retried only when the service refused them for
    /// rate (throttling) or the connection was never made; after a 5xx, a timeout or a dropped connection the run may have
    /// started, and only the caller can find out (GetJobRuns) before starting another.
    /// </param>
    public async Task<TResponse> InvokeAsync<TRequest, TResponse>(
        string operation,
        TRequest request,
        JsonTypeInfo<TRequest> requestInfo,
        JsonTypeInfo<TResponse> responseInfo,
        bool idempotent,
        CancellationToken cancellationToken)
        where TResponse : AmazonWebServiceResponse, new()
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = JsonSerializer.SerializeToUtf8Bytes(request, requestInfo);
        var started = time.GetTimestamp();
        using var activity = StartActivity(operation);
        var attempt = 0;
        try
        {
            while (true)
            {
                attempt++;
                ExceptionDispatchInfo failure;
                string errorCode;
                bool retryable;
                try
                {
                    var response = await SendOnceAsync(operation, body, responseInfo, activity, cancellationToken);
                    Record(activity, operation, attempt, started, errorCode: null);
                    return response;
                }
                catch (AwsServiceException ex)
                {
                    failure = ExceptionDispatchInfo.Capture(ex);
                    errorCode = ex.ErrorCode;
                    retryable = idempotent ? ex.IsRetryable : ex.IsThrottling;
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (OperationCanceledException ex)
                {
                    // Not the caller's token: the attempt timed out.
                    var timeout = new TimeoutException(
                        $"{service.ServiceId}.{operation} did not answer within {options.AttemptTimeout}.", ex);
                    failure = ExceptionDispatchInfo.Capture(timeout);
                    errorCode = nameof(TimeoutException);
                    retryable = idempotent;
                }
                catch (HttpRequestException ex)
                {
                    // A connection that was never made carried no request: safe to repeat even for StartJobRun.
                    var neverSent = ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
                    failure = ExceptionDispatchInfo.Capture(ex);
                    errorCode = nameof(HttpRequestException);
                    retryable = idempotent || neverSent;
                }
                catch (IOException ex)
                {
                    failure = ExceptionDispatchInfo.Capture(ex);
                    errorCode = nameof(IOException);
                    retryable = idempotent;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Not a service or network error (e.g. no credentials could be resolved): not retried, but still on the span.
                    Record(activity, operation, attempt, started, ex.GetType().Name);
                    throw;
                }

                var elapsed = time.GetElapsedTime(started);
                var delay = Delay(attempt);
                if (!retryable || attempt >= options.MaxAttempts || elapsed + delay > options.MaxRetryTime)
                {
                    if (retryable)
                    {
                        Log.GaveUp(logger, service.ServiceId, operation, errorCode, attempt, elapsed);
                    }

                    Record(activity, operation, attempt, started, errorCode);
                    failure.Throw();
                }

                Log.Retrying(logger, service.ServiceId, operation, errorCode, attempt, options.MaxAttempts - 1, delay);
                AwsTelemetry.Retries.Add(
                    1, Tag("rpc.service", service.ServiceId), Tag("rpc.method", operation), Tag("error.type", errorCode));
                await Task.Delay(delay, time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Record(activity, operation, attempt, started, errorCode: "cancelled");
            throw;
        }
    }

    public void Dispose() => http.Dispose();

    private async Task<TResponse> SendOnceAsync<TResponse>(
        string operation, byte[] body, JsonTypeInfo<TResponse> responseInfo, Activity? activity, CancellationToken cancellationToken)
        where TResponse : AmazonWebServiceResponse, new()
    {
        using var timeout = new CancellationTokenSource(options.AttemptTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var message = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = JsonContentType;
        message.Headers.TryAddWithoutValidation("X-Amz-Target", $"{service.TargetPrefix}.{operation}");

        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, linked.Token);
        var content = await response.Content.ReadAsByteArrayAsync(linked.Token);
        var requestId = AwsErrorParser.Header(response, AwsErrorParser.RequestIdHeader);
        activity?.SetTag("aws.request_id", requestId);
        if (!response.IsSuccessStatusCode)
        {
            throw service.CreateException(AwsErrorParser.Parse(response, content));
        }

        TResponse result;
        try
        {
            // Operations without output members (StartCrawler, StopQueryExecution) answer "{}"; some emulators answer nothing.
            result = content.Length == 0 ? new TResponse() : JsonSerializer.Deserialize(content, responseInfo) ?? new TResponse();
        }
        catch (JsonException ex)
        {
            throw new AwsServiceException(
                $"{service.ServiceId}.{operation} returned a body that is not its output shape: {ex.Message}",
                "SerializationException", requestId, response.StatusCode);
        }

        result.ResponseMetadata = new ResponseMetadata { RequestId = requestId };
        result.HttpStatusCode = response.StatusCode;
        result.ContentLength = content.Length;
        return result;
    }

    // "Full jitter" (AWS Architecture Blog, "Exponential Backoff And Jitter"), as the SDKs' standard retry mode: a random
    // delay below a ceiling that doubles per retry, so many tasks throttled together do not come back together.
    private TimeSpan Delay(int attempt)
    {
        var ceiling = Math.Min(options.MaxDelay.TotalMilliseconds, options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(ceiling * Math.Clamp(jitter(), 0, 1));
    }

    private Activity? StartActivity(string operation)
    {
        var activity = AwsTelemetry.Source.StartActivity($"{service.ServiceId}.{operation}", ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag("rpc.system", "aws-api");
            activity.SetTag("rpc.service", service.ServiceId);
            activity.SetTag("rpc.method", operation);
            activity.SetTag("server.address", endpoint.Host);
        }

        return activity;
    }

    private void Record(Activity? activity, string operation, int attempts, long started, string? errorCode)
    {
        activity?.SetTag("orchestrator.aws.retries", Math.Max(0, attempts - 1));
        var outcome = errorCode switch
        {
            null => "success",
            "cancelled" => "cancelled",
            _ => "error",
        };
        if (errorCode is not null && activity is not null)
        {
            activity.SetTag("error.type", errorCode);
            activity.SetStatus(ActivityStatusCode.Error, errorCode);
        }

        var tags = new TagList { Tag("rpc.service", service.ServiceId), Tag("rpc.method", operation), Tag("outcome", outcome) };
        if (outcome == "error")
        {
            tags.Add(Tag("error.type", errorCode));
        }

        AwsTelemetry.Calls.Add(1, tags);
        AwsTelemetry.Duration.Record(time.GetElapsedTime(started).TotalSeconds, tags);
    }

    private static KeyValuePair<string, object?> Tag(string key, object? value) => new(key, value);
}
