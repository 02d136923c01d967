using System.Text.Json.Nodes;
using LocalAws.Wire;

namespace LocalAws.Glue.Jobs;

/// <summary>A job definition: the Job object GetJob returns, plus the settings a run needs.</summary>
internal sealed class GlueJob(JsonObject definition)
{
    /// <summary>Glue's default when ExecutionProperty is absent.</summary>
    public const int DefaultMaxConcurrentRuns = 1;

    /// <summary>Glue's default job timeout: 2,880 minutes (48 hours).</summary>
    public const int DefaultTimeoutMinutes = 2880;

    public JsonObject Definition { get; } = definition;

    public string Name => (string)Definition["Name"]!;

    public int MaxConcurrentRuns => (int?)Definition["ExecutionProperty"]?["MaxConcurrentRuns"] ?? DefaultMaxConcurrentRuns;

    public int TimeoutMinutes => (int?)Definition["Timeout"] ?? DefaultTimeoutMinutes;

    public string? ScriptLocation => (string?)Definition["Command"]?["ScriptLocation"];

    /// <summary>DefaultArguments, overridden by the run's Arguments, overridden by NonOverridableArguments: Glue's order.</summary>
    public Dictionary<string, string> EffectiveArguments(IReadOnlyDictionary<string, string> runArguments)
    {
        var arguments = Definition.StringMap("DefaultArguments");
        foreach (var (key, value) in runArguments)
        {
            arguments[key] = value;
        }

        foreach (var (key, value) in Definition.StringMap("NonOverridableArguments"))
        {
            arguments[key] = value;
        }

        return arguments;
    }
}
