using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using LocalAws.Wire;

namespace LocalAws.Glue.Catalog;

/// <summary>
/// CreateTableOptimizer, GetTableOptimizer, DeleteTableOptimizer: Glue's managed optimizers for Iceberg tables
/// (<c>compaction</c>, <c>retention</c>, <c>orphan_file_deletion</c>). The emulator only records them — nothing runs in the
/// background — so that a client can see whether Glue manages a table (the orchestrator skips its own OPTIMIZE / VACUUM then).
/// The response carries the members of the API model pinned in tests/conformance (type, configuration {roleArn, enabled}).
/// </summary>
internal sealed class TableOptimizerOperations(GlueCatalog catalog) : IOperationGroup
{
    private static readonly HashSet<string> Types = new(StringComparer.Ordinal) { "compaction", "retention", "orphan_file_deletion" };

    private readonly ConcurrentDictionary<(string Database, string Table, string Type), JsonObject> _optimizers = new();

    public void Register(OperationTable table)
    {
        table.Add(AwsService.Glue, "CreateTableOptimizer", Create);
        table.Add(AwsService.Glue, "GetTableOptimizer", Get);
        table.Add(AwsService.Glue, "DeleteTableOptimizer", Delete);
    }

    private JsonObject Create(JsonObject request)
    {
        var key = Key(request);
        var configuration = request.RequiredObject("TableOptimizerConfiguration");
        var stored = new JsonObject
        {
            ["type"] = key.Type,
            ["configuration"] = new JsonObject
            {
                ["roleArn"] = (string?)configuration["roleArn"],
                ["enabled"] = (bool?)configuration["enabled"] ?? false,
            },
        };
        if (stored["configuration"]!["roleArn"] is null)
        {
            ((JsonObject)stored["configuration"]!).Remove("roleArn");
        }

        if (!_optimizers.TryAdd(key, stored))
        {
            throw GlueErrors.AlreadyExists($"Table optimizer of type {key.Type} already exists for {key.Database}.{key.Table}.");
        }

        return [];
    }

    private JsonObject Get(JsonObject request)
    {
        var key = Key(request);
        if (!_optimizers.TryGetValue(key, out var optimizer))
        {
            throw GlueErrors.EntityNotFound($"Table optimizer of type {key.Type} not found for {key.Database}.{key.Table}.");
        }

        return new JsonObject
        {
            ["CatalogId"] = GlueCatalog.AccountId,
            ["DatabaseName"] = key.Database,
            ["TableName"] = key.Table,
            ["TableOptimizer"] = optimizer.DeepClone(),
        };
    }

    private JsonObject Delete(JsonObject request)
    {
        var key = Key(request);
        if (!_optimizers.TryRemove(key, out _))
        {
            throw GlueErrors.EntityNotFound($"Table optimizer of type {key.Type} not found for {key.Database}.{key.Table}.");
        }

        return [];
    }

    private (string Database, string Table, string Type) Key(JsonObject request)
    {
        _ = request.RequiredString("CatalogId"); // required by the API; the emulator has one catalog
        var database = request.RequiredString("DatabaseName");
        var table = request.RequiredString("TableName");
        var type = request.RequiredString("Type");
        if (!Types.Contains(type))
        {
            throw GlueErrors.InvalidInput($"1 validation error detected: Value '{type}' at 'type' failed to satisfy constraint: " +
                                          "Member must satisfy enum value set: [compaction, retention, orphan_file_deletion]");
        }

        _ = catalog.GetTable(database, table); // EntityNotFoundException for a table that does not exist, as Glue
        return (database, table, type);
    }
}
