using System.Text.Json.Nodes;
using LocalAws.Wire;

namespace LocalAws.Glue.Catalog;

/// <summary>CreateDatabase, GetDatabase, GetDatabases.</summary>
internal sealed class DatabaseOperations(GlueCatalog catalog) : IOperationGroup
{
    public void Register(OperationTable table)
    {
        table.Add(AwsService.Glue, "CreateDatabase", CreateDatabase);
        table.Add(AwsService.Glue, "GetDatabase", GetDatabase);
        table.Add(AwsService.Glue, "GetDatabases", GetDatabases);
    }

    private JsonObject CreateDatabase(JsonObject request)
    {
        catalog.CreateDatabase(request.RequiredObject("DatabaseInput"));
        return [];
    }

    private JsonObject GetDatabase(JsonObject request) => new() { ["Database"] = catalog.GetDatabase(request.RequiredString("Name")) };

    private JsonObject GetDatabases(JsonObject request)
    {
        var pageSize = request.OptionalInt("MaxResults", 1, 100) ?? 100;
        var offset = PageToken.Decode(request.OptionalString("NextToken"), GlueErrors.InvalidInput);
        var (page, next) = PageToken.Slice(catalog.ListDatabases(), offset, pageSize);
        return new JsonObject { ["DatabaseList"] = new JsonArray([.. page]), ["NextToken"] = next };
    }
}
