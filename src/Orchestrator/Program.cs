using System.CommandLine;
using Orchestrator.Cli;

// The generic host handles SIGTERM itself (graceful drain); System.CommandLine must not race it for the signal.
return await OrchestratorCli.Build().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
