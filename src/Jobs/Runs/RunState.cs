namespace Orchestrator.Jobs.Runs;

/// <summary>Where an orchestrator run request is. Requested, Starting and Running are active: at most one per Glue job.</summary>
public enum RunState
{
    /// <summary>Admitted; StartJobRun not called yet.</summary>
    Requested,

    /// <summary>StartJobRun is being called: it may or may not have reached Glue (resolved through the correlation argument).</summary>
    Starting,

    /// <summary>Glue returned a JobRunId; the run is being tracked to a terminal state.</summary>
    Running,

    /// <summary>Glue reported SUCCEEDED.</summary>
    Succeeded,

    /// <summary>Glue reported FAILED, ERROR, STOPPED, TIMEOUT or EXPIRED, or the start failed for good.</summary>
    Failed,
}
