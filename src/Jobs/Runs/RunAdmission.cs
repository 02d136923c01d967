namespace Orchestrator.Jobs.Runs;

/// <summary>
/// The answer to a run request: admitted as a new run, or coalesced into the job's active run (which then has
/// <see cref="GlueRun.FollowUpRequested"/> set, so exactly one run follows it).
/// </summary>
/// <param name="Admitted">True when <see cref="Run"/> is the new run; false when it is the active run the request joined.</param>
/// <param name="Run">The new run, or the active one.</param>
public sealed record RunAdmission(bool Admitted, GlueRun Run);
