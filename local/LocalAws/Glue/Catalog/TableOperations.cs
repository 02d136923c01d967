using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using LocalAws.Wire;

namespace LocalAws.Glue.Catalog;

/// <summary>CreateTable, GetTable, GetTables, UpdateTable, DeleteTable.</summary>
internal sealed class TableOperations(GlueCatalog catalog) : IOperationGroup
{
    public void Register(OperationTable table)
    {
        table.Add(AwsService.Glue, "CreateTable", CreateTable);
        table.Add(AwsService.Glue, "GetTable", GetTable);
        table.Add(AwsService.Glue, "GetTables", GetTables);
        table.Add(AwsService.Glue, "UpdateTable", UpdateTable);
        table.Add(AwsService.Glue, "DeleteTable", DeleteTable);
    }

    private JsonObject CreateTable(JsonObject request)
    {
        catalog.CreateTable(request.RequiredString("DatabaseName"), request.RequiredObject("TableInput"));
        return [];
    }

    private JsonObject GetTable(JsonObject request) =>
        new() { ["Table"] = catalog.GetTable(request.RequiredString("DatabaseName"), request.RequiredString("Name")) };

    private JsonObject GetTables(JsonObject request)
    {
        var tables = catalog.ListTables(request.RequiredString("DatabaseName"));
        if (request.OptionalString("Expression") is { Length: > 0 } expression)
        {
            var pattern = NamePattern(expression);
            tables = [.. tables.Where(t => pattern.IsMatch((string)t["Name"]!))];
        }

        var pageSize = request.OptionalInt("MaxResults", 1, 100) ?? 100;
        var offset = PageToken.Decode(request.OptionalString("NextToken"), GlueErrors.InvalidInput);
        var (page, next) = PageToken.Slice(tables, offset, pageSize);
        return new JsonObject { ["TableList"] = new JsonArray([.. page]), ["NextToken"] = next };
    }

    private JsonObject UpdateTable(JsonObject request)
    {
        catalog.UpdateTable(request.RequiredString("DatabaseName"), request.RequiredObject("TableInput"));
        return [];
    }

    private JsonObject DeleteTable(JsonObject request)
    {
        catalog.DeleteTable(request.RequiredString("DatabaseName"), request.RequiredString("Name"));
        return [];
    }

    // Glue treats the expression as a regular expression over table names, where a bare '*' means "anything".
    private static Regex NamePattern(string expression)
    {
        var text = Regex.Replace(expression, @"(?<!\.)\*", ".*");
        try
        {
            return new Regex($"^(?:{text})$", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            throw GlueErrors.InvalidInput($"Invalid table name pattern: {expression}");
        }
    }
}
