using System.Text.Json.Serialization;

namespace Orchestrator.Jobs.Aws.Glue;

/// <summary>The state of a Glue job run. Terminal: SUCCEEDED, FAILED, ERROR, STOPPED, TIMEOUT, EXPIRED.</summary>
[JsonConverter(typeof(ConstantClassJsonConverter<JobRunState>))]
public sealed class JobRunState : ConstantClass, IConstantClass<JobRunState>
{
    /// <summary><c>STARTING</c>.</summary>
    public static readonly JobRunState STARTING = new("STARTING");

    /// <summary><c>RUNNING</c>.</summary>
    public static readonly JobRunState RUNNING = new("RUNNING");

    /// <summary><c>STOPPING</c>.</summary>
    public static readonly JobRunState STOPPING = new("STOPPING");

    /// <summary><c>STOPPED</c>.</summary>
    public static readonly JobRunState STOPPED = new("STOPPED");

    /// <summary><c>SUCCEEDED</c>.</summary>
    public static readonly JobRunState SUCCEEDED = new("SUCCEEDED");

    /// <summary><c>FAILED</c>.</summary>
    public static readonly JobRunState FAILED = new("FAILED");

    /// <summary><c>TIMEOUT</c>.</summary>
    public static readonly JobRunState TIMEOUT = new("TIMEOUT");

    /// <summary><c>ERROR</c>.</summary>
    public static readonly JobRunState ERROR = new("ERROR");

    /// <summary><c>WAITING</c>: queued for resources (job run queuing).</summary>
    public static readonly JobRunState WAITING = new("WAITING");

    /// <summary><c>EXPIRED</c>: a queued run that never started within its TTL.</summary>
    public static readonly JobRunState EXPIRED = new("EXPIRED");

    /// <summary>Wraps a wire value; prefer the static fields or <see cref="FindValue"/>.</summary>
    public JobRunState(string value)
        : base(value)
    {
    }

    /// <summary>The known instance for <paramref name="value"/>, or a new one carrying a value added to the API later.</summary>
    public static JobRunState FindValue(string value) => value switch
    {
        "STARTING" => STARTING,
        "RUNNING" => RUNNING,
        "STOPPING" => STOPPING,
        "STOPPED" => STOPPED,
        "SUCCEEDED" => SUCCEEDED,
        "FAILED" => FAILED,
        "TIMEOUT" => TIMEOUT,
        "ERROR" => ERROR,
        "WAITING" => WAITING,
        "EXPIRED" => EXPIRED,
        _ => new JobRunState(value),
    };

    /// <summary>Converts a wire string, as the SDK's constant classes do.</summary>
    public static implicit operator JobRunState(string value) => FindValue(value);
}
