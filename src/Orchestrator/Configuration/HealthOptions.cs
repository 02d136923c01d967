namespace Orchestrator.Configuration;

/// <summary>
/// The liveness file the poll loop touches while it makes progress; <c>orchestrator healthcheck</c> reads it, so the ECS
/// container health check needs no HTTP server.
/// </summary>
public sealed class HealthOptions
{
    /// <summary>Path of the liveness file; its directory must be writable (on a read-only root filesystem, a tmpfs volume).</summary>
    public string LivenessFile { get; set; } = Path.Combine(Path.GetTempPath(), "orchestrator.alive");

    /// <summary>How old the last progress may be before the worker counts as unhealthy. Must exceed the long-poll wait.</summary>
    public TimeSpan MaxSilence { get; set; } = TimeSpan.FromMinutes(2);
}
