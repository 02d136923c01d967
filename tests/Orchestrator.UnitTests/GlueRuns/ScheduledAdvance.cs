namespace Orchestrator.UnitTests.GlueRuns;

/// <summary>One <c>IRunScheduler.AdvanceAsync</c> call: a step of a run, due at <paramref name="At"/>.</summary>
internal sealed record ScheduledAdvance(string Dataset, Guid RunId, DateTimeOffset At, TimeSpan PollInterval);
