namespace Orchestrator.Jobs.Aws;

/// <summary>What the service said about a call besides its output, as in the SDK: the request id for support cases and logs.</summary>
public sealed class ResponseMetadata
{
    /// <summary>The <c>x-amzn-RequestId</c> header of the response.</summary>
    public string? RequestId { get; set; }
}
