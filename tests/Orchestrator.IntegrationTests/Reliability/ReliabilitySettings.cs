using Orchestrator.IntegrationTests.Scheduling;

namespace Orchestrator.IntegrationTests.Reliability;

/// <summary>Worker settings for the reliability runs: the Glue settings of the scheduling tests, with a short visibility timeout.</summary>
internal static class ReliabilitySettings
{
    /// <summary>
    /// A killed worker's messages come back after the visibility timeout: 10 s (heartbeat every 3 s) keeps a run with 20
    /// kills in minutes rather than the production 5 minutes, without changing what is being tested.
    /// </summary>
    public static Dictionary<string, string?> For(Lake lake, string queue, string provider, string connectionString, string livenessFile)
    {
        var settings = GlueSettings.For(lake, queue, provider, connectionString, livenessFile);
        settings["Orchestrator:Queue:VisibilityTimeout"] = "00:00:10";
        settings["Orchestrator:Queue:HeartbeatInterval"] = "00:00:03";
        settings["Orchestrator:Queue:ShutdownTimeout"] = "00:00:10";
        settings["Orchestrator:Datasets:sales:Glue:Debounce"] = "00:00:02";
        settings["Orchestrator:Datasets:sales:Glue:MaxWait"] = "00:00:15";
        return settings;
    }
}
