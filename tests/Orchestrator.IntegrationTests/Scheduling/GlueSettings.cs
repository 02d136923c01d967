using Orchestrator.IntegrationTests.Infrastructure;

namespace Orchestrator.IntegrationTests.Scheduling;

/// <summary>Worker configuration for a lake: the dataset <c>sales</c> with its tables and job, short test timings.</summary>
internal static class GlueSettings
{
    public static Dictionary<string, string?> For(Lake lake, string queueUrl, string provider, string connectionString, string livenessFile)
    {
        var settings = WorkerSettings.For(queueUrl, provider, connectionString, livenessFile);
        settings["Orchestrator:Aws:S3ForcePathStyle"] = "true";
        settings["Orchestrator:Datasets:sales:Source:Bucket"] = GlueStackFixture.Bucket;
        settings["Orchestrator:Datasets:sales:Source:Prefix"] = lake.RawPrefix;
        settings["Orchestrator:Datasets:sales:RawTable:Database"] = lake.Database;
        settings["Orchestrator:Datasets:sales:RawTable:Table"] = "raw_sales";
        settings["Orchestrator:Datasets:sales:OutputTable:Database"] = lake.Database;
        settings["Orchestrator:Datasets:sales:OutputTable:Table"] = "my_table";
        settings["Orchestrator:Datasets:sales:Glue:Job"] = lake.Job;
        settings["Orchestrator:Datasets:sales:Glue:Debounce"] = "00:00:01";
        settings["Orchestrator:Datasets:sales:Glue:MaxWait"] = "00:00:10";
        settings["Orchestrator:Datasets:sales:Glue:MinPollInterval"] = "00:00:00.2";
        settings["Orchestrator:Datasets:sales:Glue:MaxPollInterval"] = "00:00:00.5";
        settings["Orchestrator:Datasets:sales:Glue:StartWindow"] = "00:01:00";
        settings["Orchestrator:Scheduling:CheckinInterval"] = "00:00:02";
        settings["Orchestrator:Scheduling:CheckinMisfireThreshold"] = "00:00:03";
        return settings;
    }

    /// <summary>Environment for a worker process: every AWS endpoint on the local emulators.</summary>
    public static Dictionary<string, string> Environment(GlueStackFixture stack) => new()
    {
        ["AWS_ENDPOINT_URL_GLUE"] = stack.GlueUrl.ToString(),
        ["AWS_ENDPOINT_URL_ATHENA"] = stack.GlueUrl.ToString(),
        ["AWS_ENDPOINT_URL_S3"] = stack.Emulator.ServiceUrl.ToString(),
    };
}
