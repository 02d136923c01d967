namespace Orchestrator.Jobs.Datasets;

/// <summary>A configured dataset: a name and where its raw objects come from.</summary>
public sealed record Dataset(string Name, DatasetSource Source);
