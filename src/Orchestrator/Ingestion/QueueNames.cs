namespace Orchestrator.Ingestion;

/// <summary>Queue names for telemetry: the last path segment of the queue URL.</summary>
internal static class QueueNames
{
    public static string FromUrl(string url)
    {
        string trimmed = url.TrimEnd('/');
        int slash = trimmed.LastIndexOf('/');
        return slash >= 0 ? trimmed[(slash + 1)..] : trimmed;
    }
}
