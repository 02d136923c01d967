using System.Text.Json.Nodes;
using LocalAws.Glue.Catalog;
using LocalAws.Wire;

namespace LocalAws.Athena.Statements;

/// <summary>Catalog reads with Athena's query errors instead of Glue API errors.</summary>
internal static class CatalogAccess
{
    public static (JsonObject Table, IReadOnlyList<JsonObject> Partitions) Snapshot(GlueCatalog catalog, string database, string table)
    {
        try
        {
            return catalog.Snapshot(database, table);
        }
        catch (AwsServiceException error) when (error.ErrorCode == "EntityNotFoundException")
        {
            throw QueryFailedException.TableNotFound(database, table);
        }
    }

    public static void Run(Action action)
    {
        try
        {
            action();
        }
        catch (AwsServiceException error)
        {
            throw new QueryFailedException($"FAILED: {error.ErrorCode}: {error.Message}",
                AthenaErrorTypes.CategoryUser, AthenaErrorTypes.DdlTaskFailed);
        }
    }
}
