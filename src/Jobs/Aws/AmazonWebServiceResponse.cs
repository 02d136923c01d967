using System.Net;
using System.Text.Json.Serialization;

namespace Orchestrator.Jobs.Aws;

/// <summary>Base of every response, named like the SDK's: the HTTP status and the request id, never part of the JSON body.</summary>
public abstract class AmazonWebServiceResponse
{
    /// <summary>The request id and other metadata of the call.</summary>
    [JsonIgnore]
    public ResponseMetadata? ResponseMetadata { get; set; }

    /// <summary>The HTTP status of the successful response (200).</summary>
    [JsonIgnore]
    public HttpStatusCode HttpStatusCode { get; set; }

    /// <summary>The length of the response body in bytes.</summary>
    [JsonIgnore]
    public long ContentLength { get; set; }
}
