using System.Text.Json.Nodes;
using LocalAws.Athena.Statements;
using LocalAws.Wire;

namespace LocalAws.Athena;

/// <summary>StartQueryExecution, GetQueryExecution, GetQueryResults, StopQueryExecution.</summary>
internal sealed class QueryOperations(QueryStore queries, WorkGroupStore workGroups, QueryRunner runner, TimeProvider time) : IOperationGroup
{
    // Athena API limits: QueryString 1..262144 characters, ClientRequestToken 32..128, GetQueryResults MaxResults ≤ 1000.
    private const int MaxQueryLength = 262144;
    private const int MaxResultsPage = 1000;

    public void Register(OperationTable table)
    {
        table.Add(AwsService.Athena, "StartQueryExecution", StartQueryExecution);
        table.Add(AwsService.Athena, "GetQueryExecution", request => new JsonObject
        {
            ["QueryExecution"] = queries.Get(request.RequiredString("QueryExecutionId")).ToJson(),
        });
        table.Add(AwsService.Athena, "GetQueryResults", GetQueryResults);
        table.Add(AwsService.Athena, "StopQueryExecution", request =>
        {
            queries.Get(request.RequiredString("QueryExecutionId")).Cancel(time.GetUtcNow());
            return [];
        });
    }

    private JsonObject StartQueryExecution(JsonObject request)
    {
        var query = request.RequiredString("QueryString");
        if (query.Length > MaxQueryLength)
        {
            throw Validation.Constraint("QueryString", "…", $"Member must have length less than or equal to {MaxQueryLength}");
        }

        var token = request.OptionalString("ClientRequestToken");
        if (token is { Length: < 32 or > 128 })
        {
            throw Validation.Constraint("ClientRequestToken", token, "Member must have length between 32 and 128");
        }

        var workGroupName = request.OptionalString("WorkGroup") ?? WorkGroupStore.Primary;
        var workGroup = workGroups.Get(workGroupName);
        var context = request.OptionalObject("QueryExecutionContext");
        var id = Guid.NewGuid().ToString();
        var parameters = request["ExecutionParameters"] is null ? [] : request.RequiredStringList("ExecutionParameters", 1, 1024);
        if (parameters.FirstOrDefault(p => p.Length is < 1 or > 1024) is { } tooLong)
        {
            throw Validation.Constraint("ExecutionParameters", tooLong, "Member must have length between 1 and 1024");
        }

        var bound = parameters.Count == 0 ? query : ExecutionParameters.Bind(query, parameters);
        var (kind, handler) = StatementClassifier.Classify(bound);
        var folder = OutputFolder(request, workGroup);
        var output = folder + id + (kind.StatementType == "DDL" ? ".txt" : ".csv");
        var execution = new QueryExecution(id, bound, kind, workGroupName, (string?)context?["Database"],
            (string?)context?["Catalog"] ?? "AwsDataCatalog", output, time.GetUtcNow(), query, parameters);
        var (stored, created) = queries.Add(execution, token);
        if (created)
        {
            runner.Start(stored, handler);
        }

        return new JsonObject { ["QueryExecutionId"] = stored.Id };
    }

    private static string OutputFolder(JsonObject request, JsonObject workGroup)
    {
        var configuration = workGroup["Configuration"];
        var fromWorkGroup = (string?)configuration?["ResultConfiguration"]?["OutputLocation"];
        var enforced = (bool?)configuration?["EnforceWorkGroupConfiguration"] == true && fromWorkGroup is not null;
        var location = enforced ? fromWorkGroup : (string?)request["ResultConfiguration"]?["OutputLocation"] ?? fromWorkGroup;
        if (location is null)
        {
            throw AthenaErrors.InvalidRequest(
                "No output location provided. An output location is required either through the Workgroup result configuration setting or as an API input.");
        }

        return location.EndsWith('/') ? location : location + "/";
    }

    private JsonObject GetQueryResults(JsonObject request)
    {
        var execution = queries.Get(request.RequiredString("QueryExecutionId"));
        var state = execution.State;
        if (state != QueryStates.Succeeded)
        {
            throw AthenaErrors.InvalidRequest(state switch
            {
                QueryStates.Failed => execution.StateChangeReason ?? "Query failed",
                QueryStates.Cancelled => "Query was cancelled",
                _ => $"Query has not yet finished. Current state: {state}",
            });
        }

        var result = execution.Result!;
        var pageSize = request.OptionalInt("MaxResults", 1, MaxResultsPage) ?? MaxResultsPage;
        var offset = PageToken.Decode(request.OptionalString("NextToken"), message => AthenaErrors.InvalidRequest(message));
        // Athena returns the column names as the first row of a SELECT's first page.
        var rows = new List<string?[]>();
        if (execution.Kind.StatementType == "DML" && result.Columns.Count > 0)
        {
            rows.Add([.. result.Columns.Select(c => c.Name)]);
        }

        rows.AddRange(result.Rows);
        var (page, next) = PageToken.Slice(rows, offset, pageSize);
        return new JsonObject
        {
            ["UpdateCount"] = result.UpdateCount ?? 0,
            ["ResultSet"] = new JsonObject
            {
                ["Rows"] = new JsonArray([.. page.Select(Row)]),
                ["ResultSetMetadata"] = new JsonObject { ["ColumnInfo"] = new JsonArray([.. result.Columns.Select(ColumnInfo)]) },
            },
            ["NextToken"] = next,
        };
    }

    private static JsonObject Row(string?[] values) => new()
    {
        ["Data"] = new JsonArray([.. values.Select(v => v is null ? new JsonObject() : new JsonObject { ["VarCharValue"] = v })]),
    };

    private static JsonObject ColumnInfo(ResultColumn column) => new()
    {
        ["CatalogName"] = "hive",
        ["SchemaName"] = string.Empty,
        ["TableName"] = string.Empty,
        ["Name"] = column.Name,
        ["Label"] = column.Name,
        ["Type"] = column.Type,
        ["Precision"] = column.Precision,
        ["Scale"] = column.Scale,
        ["Nullable"] = "UNKNOWN",
        ["CaseSensitive"] = column.Type == "varchar",
    };
}
