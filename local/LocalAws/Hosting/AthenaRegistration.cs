using LocalAws.Athena;
using LocalAws.Athena.Engine;
using LocalAws.Athena.Statements;
using LocalAws.Glue.Catalog;
using LocalAws.Wire;

namespace LocalAws.Hosting;

/// <summary>Composition of the Athena side.</summary>
internal static class AthenaRegistration
{
    public static IServiceCollection AddAthena(this IServiceCollection services)
    {
        services.AddSingleton<WorkGroupStore>();
        services.AddSingleton<QueryStore>();
        services.AddSingleton<QueryRunner>();
        services.AddSingleton<QueryObservations>();
        services.AddSingleton<TableViews>();
        services.AddSingleton<IStatement, SelectStatement>();
        services.AddSingleton<IStatement, CtasStatement>();
        services.AddSingleton<IStatement, CreateTableRunner>();
        services.AddSingleton<IStatement, DropTableStatement>();
        services.AddSingleton<IStatement, MsckRepairStatement>();
        services.AddSingleton<IStatement>(sp => new AlterPartitionsStatement(sp.GetRequiredService<GlueCatalog>(), StatementHandler.AddPartition));
        services.AddSingleton<IStatement>(sp => new AlterPartitionsStatement(sp.GetRequiredService<GlueCatalog>(), StatementHandler.SetPartitionLocation));
        services.AddSingleton<IStatement>(sp => new AlterPartitionsStatement(sp.GetRequiredService<GlueCatalog>(), StatementHandler.DropPartition));
        services.AddSingleton<IStatement>(sp => new IcebergMaintenanceStatement(sp.GetRequiredService<GlueCatalog>(), StatementHandler.Optimize));
        services.AddSingleton<IStatement>(sp => new IcebergMaintenanceStatement(sp.GetRequiredService<GlueCatalog>(), StatementHandler.Vacuum));
        services.AddSingleton<IOperationGroup, QueryOperations>();
        services.AddSingleton<IOperationGroup, WorkGroupOperations>();
        return services;
    }
}
