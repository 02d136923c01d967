using System.Text.Json.Nodes;

namespace LocalAws.Wire;

/// <summary>One API operation: its service, its name, and the handler from request members to response members.</summary>
internal sealed record Operation(AwsService Service, string Name, Func<JsonObject, CancellationToken, Task<JsonObject>> Handler)
{
    /// <summary>The X-Amz-Target value AWS uses for it, e.g. <c>AWSGlue.GetTable</c>.</summary>
    public string Target => (Service == AwsService.Glue ? "AWSGlue." : "AmazonAthena.") + Name;
}
