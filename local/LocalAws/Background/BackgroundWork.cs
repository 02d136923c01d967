namespace LocalAws.Background;

/// <summary>
/// Runs job runs and queries off the request path. Every task is observed (a fault is logged, never lost) and the
/// host's stopping token reaches all of them, so shutdown does not leave work running.
/// </summary>
internal sealed class BackgroundWork(IHostApplicationLifetime lifetime, ILogger<BackgroundWork> logger)
{
    public CancellationToken Stopping => lifetime.ApplicationStopping;

    public void Run(string what, Func<CancellationToken, Task> work)
    {
        var task = Task.Run(() => work(Stopping), CancellationToken.None);
        _ = task.ContinueWith(
            t => BackgroundLog.WorkFailed(logger, what, t.Exception!),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted,
            TaskScheduler.Default);
    }
}
