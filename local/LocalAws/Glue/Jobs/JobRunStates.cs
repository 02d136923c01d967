namespace LocalAws.Glue.Jobs;

/// <summary>Glue's JobRunState values.</summary>
internal static class JobRunStates
{
    public const string Starting = "STARTING";
    public const string Running = "RUNNING";
    public const string Stopping = "STOPPING";
    public const string Stopped = "STOPPED";
    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";
    public const string Error = "ERROR";
    public const string Timeout = "TIMEOUT";
    public const string Waiting = "WAITING";

    /// <summary>States that count against MaxConcurrentRuns.</summary>
    public static bool IsActive(string state) => state is Starting or Running or Stopping or Waiting;
}
