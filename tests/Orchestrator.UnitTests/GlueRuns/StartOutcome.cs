namespace Orchestrator.UnitTests.GlueRuns;

/// <summary>What one StartJobRun call does in <see cref="FakeGlue"/>: create a run or not, then answer or throw.</summary>
/// <param name="CreatesRun">Glue created the run (its response may still be lost).</param>
/// <param name="Error">Thrown after the run was (or was not) created; null answers with the run id.</param>
internal sealed record StartOutcome(bool CreatesRun, Exception? Error)
{
    /// <summary>The run is created and its id returned.</summary>
    public static StartOutcome Start { get; } = new(true, null);

    /// <summary>Glue created the run, but the caller sees <paramref name="error"/> (a lost response).</summary>
    public static StartOutcome CreatedThenFailed(Exception error) => new(true, error);

    /// <summary>Glue refused or never received the call.</summary>
    public static StartOutcome Failed(Exception error) => new(false, error);
}
