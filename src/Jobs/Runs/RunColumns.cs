namespace Orchestrator.Jobs.Runs;

/// <summary>The <c>glue_runs</c> columns both stores read, in the order their row readers expect.</summary>
internal static class RunColumns
{
    /// <summary>Every <see cref="GlueRun"/> field, in declaration order.</summary>
    public const string All = """
        run_id, dataset, job_name, trigger, state, attempt, bookmark_option, requested_at,
        job_run_id, glue_state, started_at, completed_at, error, dpu_seconds, follow_up_requested, trace_parents,
        follow_up_trace_parents
        """;
}
