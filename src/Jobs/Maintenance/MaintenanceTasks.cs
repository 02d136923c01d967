namespace Orchestrator.Jobs.Maintenance;

/// <summary>Every configured maintenance task, by dataset and name.</summary>
public sealed class MaintenanceTasks(IEnumerable<MaintenanceTask> tasks)
{
    private readonly Dictionary<(string, string), MaintenanceTask> _byKey = tasks.ToDictionary(t => (t.Dataset, t.Name));

    /// <summary>All tasks.</summary>
    public IReadOnlyCollection<MaintenanceTask> All => _byKey.Values;

    /// <summary>The task, or null when the configuration no longer has it.</summary>
    public MaintenanceTask? Find(string dataset, string name) => _byKey.GetValueOrDefault((dataset, name));
}
