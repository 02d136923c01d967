using Microsoft.Extensions.Hosting;
using Orchestrator.Jobs.Ledger;

namespace Orchestrator.Hosting;

/// <summary>Creates or upgrades the ledger schema at start-up; a store that cannot be reached fails the start.</summary>
internal sealed class LedgerInitializer(IObjectLedger ledger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => ledger.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
