using Orchestrator.Jobs.Runs;

namespace Orchestrator.UnitTests.GlueRuns;

/// <summary>One <c>IRunScheduler.RequestAsync</c> call: a run asked for at <paramref name="At"/>.</summary>
internal sealed record ScheduledRequest(string Dataset, RunTrigger Trigger, DateTimeOffset At, int Attempt, string? TraceParents);
