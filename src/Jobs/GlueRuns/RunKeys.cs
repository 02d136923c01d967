using Quartz;

namespace Orchestrator.Jobs.GlueRuns;

/// <summary>
/// Quartz names. One durable job per dataset (<c>glue/&lt;dataset&gt;</c>), marked DisallowConcurrentExecution, so every
/// step of a dataset's runs is serialized across the cluster. Its triggers carry what to do in their JobData.
/// </summary>
public static class RunKeys
{
    /// <summary>Group of the per-dataset jobs.</summary>
    public const string JobGroup = "orchestrator.glue";

    /// <summary>Group of cron triggers owned by configuration (reconciled at start-up).</summary>
    public const string CronGroup = "orchestrator.cron";

    /// <summary>Group of the debounce triggers (one per dataset).</summary>
    public const string DebounceGroup = "orchestrator.debounce";

    /// <summary>Group of one-shot triggers: run steps, follow-ups, retries, manual and chained requests.</summary>
    public const string StepGroup = "orchestrator.steps";

    /// <summary>JobData: <see cref="Request"/> or <see cref="Advance"/>.</summary>
    public const string Action = "action";

    /// <summary>Action: admit a new run request.</summary>
    public const string Request = "request";

    /// <summary>Action: move an admitted run one step on (start, poll, finish).</summary>
    public const string Advance = "advance";

    /// <summary>JobData: the <see cref="Runs.RunTrigger"/> name of a request.</summary>
    public const string Trigger = "trigger";

    /// <summary>JobData: the run id of an advance step.</summary>
    public const string RunId = "runId";

    /// <summary>JobData: W3C traceparents of what caused the request (span links).</summary>
    public const string TraceParents = "traceParents";

    /// <summary>JobData: the attempt number of a retry request.</summary>
    public const string Attempt = "attempt";

    /// <summary>JobData: the poll interval of the next advance step, in milliseconds.</summary>
    public const string PollMillis = "pollMillis";

    /// <summary>JobData: JSON of argument overrides (a schedule's own arguments).</summary>
    public const string Overrides = "overrides";

    /// <summary>JobData: when the first request of a debounce window arrived (ISO-8601).</summary>
    public const string FirstRequestAt = "firstRequestAt";

    /// <summary>JobData: a hash of the configuration a reconciled trigger was built from.</summary>
    public const string ConfigHash = "configHash";

    /// <summary>The dataset's job.</summary>
    public static JobKey Job(string dataset) => new(dataset, JobGroup);

    /// <summary>The dataset's debounce trigger.</summary>
    public static TriggerKey Debounce(string dataset) => new(dataset, DebounceGroup);

    /// <summary>A cron trigger of a dataset's schedule.</summary>
    public static TriggerKey Cron(string dataset, string schedule) => new($"{dataset}/{schedule}", CronGroup);
}
