using Orchestrator.Bench.Modes;

// dotnet Orchestrator.Bench.dll [all | ingestion | latency | startup] [arguments]; bench/run builds and runs it.
// Every mode starts the emulators it needs on free loopback ports, prints its figures and ends with one JSON line.
return await BenchModes.RunAsync(args);
