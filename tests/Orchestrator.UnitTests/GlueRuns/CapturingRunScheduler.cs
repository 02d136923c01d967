using Orchestrator.Jobs.GlueRuns;
using Orchestrator.Jobs.Runs;

namespace Orchestrator.UnitTests.GlueRuns;

/// <summary>
/// Records what the coordinator asks Quartz to do. Advance steps are handed out in order by <see cref="TakeNextAdvance"/>, the
/// way Quartz would fire them; requests (follow-ups, retries, chained work) are only recorded.
/// </summary>
internal sealed class CapturingRunScheduler : IRunScheduler
{
    private readonly Queue<ScheduledAdvance> pending = new();

    /// <summary>Every advance step scheduled, fired or not.</summary>
    public List<ScheduledAdvance> Advances { get; } = [];

    /// <summary>Every run request scheduled.</summary>
    public List<ScheduledRequest> Requests { get; } = [];

    /// <summary>Advance steps scheduled and not fired yet.</summary>
    public IReadOnlyCollection<ScheduledAdvance> Pending => pending;

    public Task RequestAsync(string dataset, RunTrigger trigger, DateTimeOffset at, int attempt, string? traceParents,
        CancellationToken cancellationToken)
    {
        Requests.Add(new ScheduledRequest(dataset, trigger, at, attempt, traceParents));
        return Task.CompletedTask;
    }

    public Task AdvanceAsync(string dataset, Guid runId, DateTimeOffset at, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        var advance = new ScheduledAdvance(dataset, runId, at, pollInterval);
        Advances.Add(advance);
        pending.Enqueue(advance);
        return Task.CompletedTask;
    }

    /// <summary>The next step to fire. A run never has two pending steps: that would be two tasks driving one run.</summary>
    public ScheduledAdvance TakeNextAdvance()
    {
        var next = Assert.Single(pending);
        pending.Dequeue();
        return next;
    }
}
