namespace Orchestrator.Jobs.Aws;

/// <summary>
/// Follows <c>NextToken</c>s and stops a service (or an emulator) that hands back the token it was given, which would
/// otherwise page forever.
/// </summary>
internal sealed class PageTokens
{
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);

    /// <summary>The token of the next page, or null when there is none.</summary>
    public string? Next(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        return seen.Add(token) ? token : throw new InvalidOperationException($"The service returned the page token '{token}' twice.");
    }
}
