using System.Text.Json.Serialization;

namespace Orchestrator.Jobs.Aws.Athena;

/// <summary>Whether an Athena workgroup accepts queries.</summary>
[JsonConverter(typeof(ConstantClassJsonConverter<WorkGroupState>))]
public sealed class WorkGroupState : ConstantClass, IConstantClass<WorkGroupState>
{
    /// <summary><c>ENABLED</c>.</summary>
    public static readonly WorkGroupState ENABLED = new("ENABLED");

    /// <summary><c>DISABLED</c>.</summary>
    public static readonly WorkGroupState DISABLED = new("DISABLED");

    /// <summary>Wraps a wire value; prefer the static fields or <see cref="FindValue"/>.</summary>
    public WorkGroupState(string value)
        : base(value)
    {
    }

    /// <summary>The known instance for <paramref name="value"/>, or a new one carrying a value added to the API later.</summary>
    public static WorkGroupState FindValue(string value) => value switch
    {
        "ENABLED" => ENABLED,
        "DISABLED" => DISABLED,
        _ => new WorkGroupState(value),
    };

    /// <summary>Converts a wire string, as the SDK's constant classes do.</summary>
    public static implicit operator WorkGroupState(string value) => FindValue(value);
}
