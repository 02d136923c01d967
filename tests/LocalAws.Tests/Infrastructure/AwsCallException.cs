namespace LocalAws.Tests.Infrastructure;

/// <summary>A call that was expected to succeed returned an AWS error.</summary>
internal sealed class AwsCallException(AwsResponse response)
    : Exception($"{(int)response.Status} {response.ErrorType}: {response.Message}")
{
    public AwsResponse Response { get; } = response;
}
