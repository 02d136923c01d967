using System.Text.Json.Nodes;
using LocalAws.Hosting;
using LocalAws.Wire;

namespace LocalAws.Athena;

/// <summary>Athena workgroups; <c>primary</c> always exists, as in every AWS account.</summary>
internal sealed class WorkGroupStore
{
    public const string Primary = "primary";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, JsonObject> _workGroups = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public WorkGroupStore(LocalAwsOptions options, TimeProvider time)
    {
        _time = time;
        var configuration = new JsonObject { ["EnforceWorkGroupConfiguration"] = false };
        if (options.AthenaOutputLocation is { } output)
        {
            configuration["ResultConfiguration"] = new JsonObject { ["OutputLocation"] = output };
        }

        Create(new JsonObject { ["Name"] = Primary, ["Configuration"] = configuration });
    }

    public void Create(JsonObject request)
    {
        var name = request.RequiredString("Name");
        var configuration = (JsonObject?)request.OptionalObject("Configuration")?.DeepClone() ?? [];
        configuration["EnforceWorkGroupConfiguration"] ??= true;
        configuration["PublishCloudWatchMetricsEnabled"] ??= false;
        configuration["RequesterPaysEnabled"] ??= false;
        configuration["EngineVersion"] ??= new JsonObject
        {
            ["SelectedEngineVersion"] = "AUTO",
            ["EffectiveEngineVersion"] = "Athena engine version 3",
        };
        var workGroup = new JsonObject
        {
            ["Name"] = name,
            ["State"] = "ENABLED",
            ["Configuration"] = configuration,
            ["Description"] = request.OptionalString("Description") ?? string.Empty,
            ["CreationTime"] = EpochSeconds.From(_time.GetUtcNow()),
        };
        lock (_gate)
        {
            if (!_workGroups.TryAdd(name, workGroup))
            {
                throw AthenaErrors.InvalidRequest($"WorkGroup {name} already exists", "ALREADY_EXISTS");
            }
        }
    }

    public JsonObject Get(string name)
    {
        lock (_gate)
        {
            return (JsonObject?)_workGroups.GetValueOrDefault(name)?.DeepClone()
                ?? throw AthenaErrors.InvalidRequest($"WorkGroup {name} is not found.", "RESOURCE_NOT_FOUND");
        }
    }
}
