using Orchestrator.Jobs.Runs;

namespace Orchestrator.Jobs.GlueRuns;

/// <summary>Durable "do this later" for run steps: backed by Quartz's persistent store, so it survives restarts.</summary>
public interface IRunScheduler
{
    /// <summary>Asks for a run of the dataset's job at <paramref name="at"/>.</summary>
    Task RequestAsync(string dataset, RunTrigger trigger, DateTimeOffset at, int attempt, string? traceParents, CancellationToken cancellationToken);

    /// <summary>Moves the run on at <paramref name="at"/>; <paramref name="pollInterval"/> is the interval used for the step.</summary>
    Task AdvanceAsync(string dataset, Guid runId, DateTimeOffset at, TimeSpan pollInterval, CancellationToken cancellationToken);
}
