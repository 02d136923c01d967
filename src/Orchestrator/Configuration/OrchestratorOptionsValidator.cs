using Microsoft.Extensions.Options;
using Orchestrator.Jobs.Storage;

namespace Orchestrator.Configuration;

/// <summary>
/// Checks the whole configuration and reports every problem at once, each naming its key and the bad value; the AWS limits
/// are quoted so that the reason is in the message.
/// </summary>
internal sealed class OrchestratorOptionsValidator(OptionsBindingErrors bindingErrors) : IValidateOptions<OrchestratorOptions>
{
    private const string Q = OrchestratorOptions.SectionName + ":Queue:";

    public ValidateOptionsResult Validate(string? name, OrchestratorOptions options)
    {
        var errors = new List<string>(bindingErrors.Errors);
        ValidateQueue(options.Queue, errors);
        bool providerBound = !bindingErrors.Errors.Any(e => e.StartsWith(OrchestratorOptions.SectionName + ":Store:Provider", StringComparison.Ordinal));
        ValidateStore(options.Store, providerBound, errors);
        ValidateHealth(options.Health, options.Queue, errors);
        if (options.Datasets.Count == 0)
        {
            errors.Add($"{OrchestratorOptions.SectionName}:Datasets: at least one dataset is required; without one every object would be rejected.");
        }

        DatasetDefinitions.Build(options.Datasets, errors);
        GlueOptionsValidation.Validate(options, errors);
        AthenaOptionsValidation.Validate(options.Athena, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateQueue(QueueOptions queue, List<string> errors)
    {
        if (!Uri.TryCreate(queue.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{Q}Url: {Show(queue.Url)} is not a queue URL (https://sqs.<region>.amazonaws.com/<account>/<queue>).");
        }

        Range(errors, "Pollers", queue.Pollers, 1, 64, "");
        Range(errors, "Handlers", queue.Handlers, 1, 256, "");
        Range(errors, "MaxInFlight", queue.MaxInFlight, 1, 100_000, "");
        Range(errors, "MaxMessagesPerReceive", queue.MaxMessagesPerReceive, 1, 10, " (SQS ReceiveMessage returns at most 10 messages)");
        Range(errors, "DeleteAttempts", queue.DeleteAttempts, 1, 20, "");
        Duration(errors, "WaitTime", queue.WaitTime, TimeSpan.Zero, TimeSpan.FromSeconds(20), " (SQS long polling waits at most 20 seconds)");
        Duration(errors, "VisibilityTimeout", queue.VisibilityTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromHours(12),
            " (SQS visibility timeouts are whole seconds up to 12 hours)");
        if (queue.VisibilityTimeout.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            errors.Add($"{Q}VisibilityTimeout: {Show(queue.VisibilityTimeout)} must be whole seconds (SQS takes seconds).");
        }

        Duration(errors, "HeartbeatInterval", queue.HeartbeatInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1), "");
        if (queue.HeartbeatInterval * 2 > queue.VisibilityTimeout)
        {
            errors.Add($"{Q}HeartbeatInterval: {Show(queue.HeartbeatInterval)} must be at most half of VisibilityTimeout " +
                       $"({Show(queue.VisibilityTimeout)}), or a slow message could become visible again between two heartbeats.");
        }

        // ECS allows a stopTimeout of at most 120 s; the default 30 s is what the default here is sized for.
        Duration(errors, "ShutdownTimeout", queue.ShutdownTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(110),
            " (ECS stops a container at most 120 s after SIGTERM; leave room to exit)");
        if (queue.WaitTime >= queue.ShutdownTimeout)
        {
            errors.Add($"{Q}WaitTime: {Show(queue.WaitTime)} must be shorter than ShutdownTimeout ({Show(queue.ShutdownTimeout)}): on SIGTERM " +
                       "a long poll in progress is allowed to finish so that the messages it returns can be released.");
        }

        Duration(errors, "MaxStoreBackoff", queue.MaxStoreBackoff, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15), "");
        Duration(errors, "DepthPollInterval", queue.DepthPollInterval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1),
            " (each poll is two GetQueueAttributes calls; SQS refreshes the approximate counts about once a minute)");
    }

    private static void ValidateStore(StoreOptions store, bool providerBound, List<string> errors)
    {
        const string S = OrchestratorOptions.SectionName + ":Store:";
        if (!Enum.IsDefined(store.Provider))
        {
            errors.Add($"{S}Provider: {Show(store.Provider)} is not one of Sqlite, PostgreSql.");
        }

        if (string.IsNullOrWhiteSpace(store.ConnectionString))
        {
            errors.Add($"{S}ConnectionString: a connection string is required for {store.Provider}.");
        }
        else if (providerBound && store.Provider == StoreProvider.Sqlite && !store.ConnectionString.Contains("Data Source", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{S}ConnectionString: a SQLite connection string names its file: 'Data Source=/data/orchestrator.db'.");
        }
    }

    private static void ValidateHealth(HealthOptions health, QueueOptions queue, List<string> errors)
    {
        const string H = OrchestratorOptions.SectionName + ":Health:";
        if (string.IsNullOrWhiteSpace(health.LivenessFile))
        {
            errors.Add($"{H}LivenessFile: a path is required.");
        }

        if (health.MaxSilence <= queue.WaitTime + TimeSpan.FromSeconds(5))
        {
            errors.Add($"{H}MaxSilence: {Show(health.MaxSilence)} must exceed Queue:WaitTime ({Show(queue.WaitTime)}) by more than " +
                       "5 seconds, or an idle worker waiting on a long poll would look dead.");
        }
    }

    private static void Range(List<string> errors, string key, int value, int min, int max, string why)
    {
        if (value < min || value > max)
        {
            errors.Add($"{Q}{key}: {value} is outside {min}..{max}{why}.");
        }
    }

    private static void Duration(List<string> errors, string key, TimeSpan value, TimeSpan min, TimeSpan max, string why)
    {
        if (value < min || value > max)
        {
            errors.Add($"{Q}{key}: {Show(value)} is outside {Show(min)}..{Show(max)}{why}.");
        }
    }

    private static string Show(object? value) => StrictConfigurationBinder.Show(value);
}
