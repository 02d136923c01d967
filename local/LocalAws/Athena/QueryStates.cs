namespace LocalAws.Athena;

/// <summary>Athena's QueryExecutionState values.</summary>
internal static class QueryStates
{
    public const string Queued = "QUEUED";
    public const string Running = "RUNNING";
    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";
    public const string Cancelled = "CANCELLED";

    public static bool IsTerminal(string state) => state is Succeeded or Failed or Cancelled;
}
