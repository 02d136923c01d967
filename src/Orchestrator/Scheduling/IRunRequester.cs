using System.Diagnostics;

namespace Orchestrator.Scheduling;

/// <summary>Asks for event-driven Glue runs of datasets that received new objects. Durable when it returns.</summary>
internal interface IRunRequester
{
    Task DatasetsChangedAsync(IReadOnlyCollection<string> datasets, ActivityContext cause, CancellationToken cancellationToken);
}
