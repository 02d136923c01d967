namespace Orchestrator.Jobs.Queries;

/// <summary>How the orchestrator runs Athena statements (bound from <c>Orchestrator:Athena</c>).</summary>
public sealed class AthenaQueryOptions
{
    /// <summary>The workgroup every statement runs in; its settings (output location, limits) apply.</summary>
    public string WorkGroup { get; set; } = "primary";

    /// <summary><c>s3://bucket/prefix/</c> for results; empty means the workgroup's configured output location.</summary>
    public string? OutputLocation { get; set; }

    /// <summary>
    /// DDL statements in flight at once from this process (Athena's DDL quota, 20 by default, is shared by the whole account, so the
    /// orchestrator stays well below it).
    /// </summary>
    public int MaxConcurrentDdl { get; set; } = 5;

    /// <summary>A statement still running after this is stopped (StopQueryExecution) and counts as timed out.</summary>
    public TimeSpan QueryTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>First wait between GetQueryExecution polls; it doubles up to <see cref="MaxPollInterval"/>.</summary>
    public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest wait between GetQueryExecution polls.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>First wait after TooManyRequestsException on StartQueryExecution; doubles (with jitter) up to a minute, within the timeout.</summary>
    public TimeSpan ThrottleBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>USD per terabyte scanned, for the estimated-cost metric (Athena's list price in most regions).</summary>
    public double PricePerTerabyte { get; set; } = 5.0;
}
