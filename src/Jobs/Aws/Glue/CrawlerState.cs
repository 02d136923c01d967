using System.Text.Json.Serialization;

namespace Orchestrator.Jobs.Aws.Glue;

/// <summary>The state of a Glue crawler.</summary>
[JsonConverter(typeof(ConstantClassJsonConverter<CrawlerState>))]
public sealed class CrawlerState : ConstantClass, IConstantClass<CrawlerState>
{
    /// <summary><c>READY</c>.</summary>
    public static readonly CrawlerState READY = new("READY");

    /// <summary><c>RUNNING</c>.</summary>
    public static readonly CrawlerState RUNNING = new("RUNNING");

    /// <summary><c>STOPPING</c>.</summary>
    public static readonly CrawlerState STOPPING = new("STOPPING");

    /// <summary>Wraps a wire value; prefer the static fields or <see cref="FindValue"/>.</summary>
    public CrawlerState(string value)
        : base(value)
    {
    }

    /// <summary>The known instance for <paramref name="value"/>, or a new one carrying a value added to the API later.</summary>
    public static CrawlerState FindValue(string value) => value switch
    {
        "READY" => READY,
        "RUNNING" => RUNNING,
        "STOPPING" => STOPPING,
        _ => new CrawlerState(value),
    };

    /// <summary>Converts a wire string, as the SDK's constant classes do.</summary>
    public static implicit operator CrawlerState(string value) => FindValue(value);
}
