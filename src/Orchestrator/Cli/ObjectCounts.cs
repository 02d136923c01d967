namespace Orchestrator.Cli;

/// <summary>A dataset's ledger objects by state.</summary>
internal sealed record ObjectCounts(int Pending, int Registered, int Processed, int Rejected);
