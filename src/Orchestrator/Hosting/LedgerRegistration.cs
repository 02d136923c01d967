using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orchestrator.Configuration;
using Orchestrator.Jobs.Ledger;

namespace Orchestrator.Hosting;

/// <summary>Registers the ledger for the configured store and creates its schema before anything else starts.</summary>
internal static class LedgerRegistration
{
    public static IHostApplicationBuilder AddLedger(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(sp =>
        {
            var store = sp.GetRequiredService<IOptions<OrchestratorOptions>>().Value.Store;
            return ObjectLedgerFactory.Create(store.Provider, store.ConnectionString, sp.GetRequiredService<TimeProvider>());
        });

        // Registered before ingestion: hosted services start in order, so the schema exists before the first message.
        builder.Services.AddHostedService<LedgerInitializer>();
        return builder;
    }
}
