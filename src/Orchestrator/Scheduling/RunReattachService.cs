using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Orchestrator.Scheduling;

/// <summary>Runs <see cref="RunReattacher"/> and <see cref="StalledDatasetRepairer"/> every minute while the worker runs.</summary>
internal sealed partial class RunReattachService(RunReattacher reattacher, StalledDatasetRepairer repairer, TimeProvider time,
    ILogger<RunReattachService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await reattacher.ReattachAsync(stoppingToken);
                    await repairer.RepairAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutdown
        }
    }

    [LoggerMessage(203, LogLevel.Warning, "Looking for active runs without a pending step, or pending objects without a run, failed; trying again in a minute")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
