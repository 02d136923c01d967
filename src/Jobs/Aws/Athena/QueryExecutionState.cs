using System.Text.Json.Serialization;

namespace Orchestrator.Jobs.Aws.Athena;

/// <summary>The state of an Athena query. Terminal: SUCCEEDED, FAILED, CANCELLED.</summary>
[JsonConverter(typeof(ConstantClassJsonConverter<QueryExecutionState>))]
public sealed class QueryExecutionState : ConstantClass, IConstantClass<QueryExecutionState>
{
    /// <summary><c>QUEUED</c>.</summary>
    public static readonly QueryExecutionState QUEUED = new("QUEUED");

    /// <summary><c>RUNNING</c>.</summary>
    public static readonly QueryExecutionState RUNNING = new("RUNNING");

    /// <summary><c>SUCCEEDED</c>.</summary>
    public static readonly QueryExecutionState SUCCEEDED = new("SUCCEEDED");

    /// <summary><c>FAILED</c>.</summary>
    public static readonly QueryExecutionState FAILED = new("FAILED");

    /// <summary><c>CANCELLED</c>.</summary>
    public static readonly QueryExecutionState CANCELLED = new("CANCELLED");

    /// <summary>Wraps a wire value; prefer the static fields or <see cref="FindValue"/>.</summary>
    public QueryExecutionState(string value)
        : base(value)
    {
    }

    /// <summary>The known instance for <paramref name="value"/>, or a new one carrying a value added to the API later.</summary>
    public static QueryExecutionState FindValue(string value) => value switch
    {
        "QUEUED" => QUEUED,
        "RUNNING" => RUNNING,
        "SUCCEEDED" => SUCCEEDED,
        "FAILED" => FAILED,
        "CANCELLED" => CANCELLED,
        _ => new QueryExecutionState(value),
    };

    /// <summary>Converts a wire string, as the SDK's constant classes do.</summary>
    public static implicit operator QueryExecutionState(string value) => FindValue(value);
}
