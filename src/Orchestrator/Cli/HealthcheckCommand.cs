using Orchestrator.Health;
using Orchestrator.Hosting;

namespace Orchestrator.Cli;

/// <summary>
/// <c>orchestrator healthcheck</c>: exit 0 only if the poll loop recorded progress within <c>Health:MaxSilence</c>.
/// Meant for the ECS container health check (<c>CMD ["/app/Orchestrator", "healthcheck"]</c>): no HTTP server needed.
/// </summary>
internal static class HealthcheckCommand
{
    public static async Task<int> RunAsync(string? configFile, TextWriter output, TimeProvider time)
    {
        var (options, _) = ConfigurationReport.Evaluate(OrchestratorHost.CreateBuilder(configFile).Configuration);
        var health = options.Health;
        var last = LivenessMarker.Read(health.LivenessFile);
        if (last is null)
        {
            await output.WriteLineAsync($"unhealthy: no progress recorded in {health.LivenessFile}");
            return 1;
        }

        var age = time.GetUtcNow() - last.Value;
        bool healthy = age <= health.MaxSilence;
        await output.WriteLineAsync(
            $"{(healthy ? "healthy" : "unhealthy")}: last progress {age.TotalSeconds:F0} s ago (limit {health.MaxSilence.TotalSeconds:F0} s)");
        return healthy ? 0 : 1;
    }
}
