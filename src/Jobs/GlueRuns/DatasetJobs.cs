namespace Orchestrator.Jobs.GlueRuns;

/// <summary>The configured datasets that have a Glue job, by dataset name.</summary>
public sealed class DatasetJobs(IEnumerable<DatasetJob> jobs)
{
    private readonly Dictionary<string, DatasetJob> byName = jobs.ToDictionary(j => j.Name, StringComparer.Ordinal);

    /// <summary>Every dataset job.</summary>
    public IReadOnlyCollection<DatasetJob> All => byName.Values;

    /// <summary>The dataset's job, or null when the dataset has none.</summary>
    public DatasetJob? Find(string dataset) => byName.GetValueOrDefault(dataset);
}
