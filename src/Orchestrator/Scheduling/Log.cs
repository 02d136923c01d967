using Microsoft.Extensions.Logging;

namespace Orchestrator.Scheduling;

internal static partial class Log
{
    [LoggerMessage(200, LogLevel.Information, "Schedules reconciled: {Added} added, {Changed} changed, {Removed} removed, {Unchanged} unchanged; {Jobs} dataset jobs")]
    public static partial void Reconciled(ILogger logger, int added, int changed, int removed, int unchanged, int jobs);

    [LoggerMessage(201, LogLevel.Information, "Run {RunId} of {Dataset} was active at start-up with no pending step: it is picked up again")]
    public static partial void Reattached(ILogger logger, Guid runId, string dataset);

    [LoggerMessage(202, LogLevel.Warning, "Dataset {Dataset} is no longer configured but run {RunId} is still active; its Quartz job is kept until the run ends")]
    public static partial void KeptForActiveRun(ILogger logger, string dataset, Guid runId);

    [LoggerMessage(204, LogLevel.Warning, "Dataset {Dataset} has {Pending} pending objects, no active run and a debounce trigger that cannot fire ({State}): a run is requested again")]
    public static partial void StalledDataset(ILogger logger, string dataset, int pending, string state);
}
