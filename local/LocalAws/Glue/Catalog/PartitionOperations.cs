using System.Text.Json.Nodes;
using LocalAws.Faults;
using LocalAws.Glue.Expressions;
using LocalAws.Wire;

namespace LocalAws.Glue.Catalog;

/// <summary>CreatePartition, BatchCreatePartition, GetPartition, BatchGetPartition, GetPartitions, BatchDeletePartition.</summary>
internal sealed class PartitionOperations(GlueCatalog catalog, FaultInjector faults) : IOperationGroup
{
    // Limits from the Glue API reference: BatchCreatePartition 100 inputs, BatchGetPartition 1000 keys,
    // BatchDeletePartition 25 keys, GetPartitions MaxResults 1..1000.
    private const int MaxBatchCreate = 100;
    private const int MaxBatchGet = 1000;
    private const int MaxBatchDelete = 25;
    private const int MaxPageSize = 1000;

    public void Register(OperationTable table)
    {
        table.Add(AwsService.Glue, "CreatePartition", CreatePartition);
        table.Add(AwsService.Glue, "BatchCreatePartition", BatchCreatePartition);
        table.Add(AwsService.Glue, "GetPartition", GetPartition);
        table.Add(AwsService.Glue, "BatchGetPartition", BatchGetPartition);
        table.Add(AwsService.Glue, "GetPartitions", GetPartitions);
        table.Add(AwsService.Glue, "BatchDeletePartition", BatchDeletePartition);
    }

    private JsonObject CreatePartition(JsonObject request)
    {
        var (database, tableName) = TableOf(request);
        if (!catalog.TryAddPartition(database, tableName, request.RequiredObject("PartitionInput")))
        {
            throw GlueErrors.AlreadyExists("Partition already exists.");
        }

        return [];
    }

    private JsonObject BatchCreatePartition(JsonObject request)
    {
        var (database, tableName) = TableOf(request);
        var inputs = request.RequiredArray("PartitionInputList");
        if (inputs.Count > MaxBatchCreate)
        {
            throw GlueErrors.InvalidInput($"The number of partition inputs exceeds the limit of {MaxBatchCreate} per request.");
        }

        catalog.GetTable(database, tableName);
        var errors = new JsonArray();
        foreach (var input in inputs.OfType<JsonObject>())
        {
            // One bad partition does not fail the batch: it is reported per item, the rest are created.
            if (faults.TakeItemError("AWSGlue.BatchCreatePartition", "BatchCreatePartition"))
            {
                errors.Add(Error(input["Values"], "InternalServiceException", "Injected per-item failure."));
                continue;
            }

            try
            {
                if (!catalog.TryAddPartition(database, tableName, input))
                {
                    errors.Add(Error(input["Values"], "AlreadyExistsException", "Partition already exists."));
                }
            }
            catch (AwsServiceException error)
            {
                errors.Add(Error(input["Values"], error.ErrorCode, error.Message));
            }
        }

        return new JsonObject { ["Errors"] = errors };
    }

    private JsonObject GetPartition(JsonObject request)
    {
        var (database, tableName) = TableOf(request);
        var values = RequestMembers.Strings(request["PartitionValues"], "PartitionValues");
        return new JsonObject
        {
            ["Partition"] = catalog.FindPartition(database, tableName, values) ?? throw GlueErrors.EntityNotFound("Cannot find partition."),
        };
    }

    private JsonObject BatchGetPartition(JsonObject request)
    {
        var (database, tableName) = TableOf(request);
        var keys = request.RequiredArray("PartitionsToGet");
        if (keys.Count > MaxBatchGet)
        {
            throw GlueErrors.InvalidInput($"The number of partitions to get exceeds the limit of {MaxBatchGet} per request.");
        }

        var found = new JsonArray();
        foreach (var key in keys.OfType<JsonObject>())
        {
            var values = RequestMembers.Strings(key["Values"], "PartitionsToGet.Values");
            if (catalog.FindPartition(database, tableName, values) is { } partition)
            {
                found.Add(partition);
            }
        }

        // Glue puts keys it could not process in time (throttling, timeouts) in UnprocessedKeys; a partition that does
        // not exist is simply absent. An in-memory catalog always finishes, so the list is always empty here.
        return new JsonObject { ["Partitions"] = found, ["UnprocessedKeys"] = new JsonArray() };
    }

    private JsonObject GetPartitions(JsonObject request)
    {
        var (database, tableName) = TableOf(request);
        var pageSize = request.OptionalInt("MaxResults", 1, MaxPageSize) ?? MaxPageSize;
        var offset = PageToken.Decode(request.OptionalString("NextToken"), GlueErrors.InvalidInput);
        var (table, partitions) = catalog.Snapshot(database, tableName);
        if (request.OptionalString("Expression") is { Length: > 0 } expression)
        {
            var predicate = PartitionExpression.Compile(expression, TableSchema.PartitionKeys(table));
            partitions = [.. partitions.Where(p => predicate(RequestMembers.Strings(p["Values"], "Values")))];
        }

        if (request.OptionalObject("Segment") is { } segment)
        {
            partitions = Segment(partitions, segment);
        }

        var (page, next) = PageToken.Slice(partitions, offset, pageSize);
        if (request["ExcludeColumnSchema"] is JsonValue exclude && exclude.GetValue<bool>())
        {
            page.ForEach(p => (p["StorageDescriptor"] as JsonObject)?.Remove("Columns"));
        }

        return new JsonObject { ["Partitions"] = new JsonArray([.. page]), ["NextToken"] = next };
    }

    private JsonObject BatchDeletePartition(JsonObject request)
    {
        var (database, tableName) = TableOf(request);
        var keys = request.RequiredArray("PartitionsToDelete");
        if (keys.Count > MaxBatchDelete)
        {
            throw GlueErrors.InvalidInput($"The number of partitions to delete exceeds the limit of {MaxBatchDelete} per request.");
        }

        catalog.GetTable(database, tableName);
        var errors = new JsonArray();
        foreach (var key in keys.OfType<JsonObject>())
        {
            var values = RequestMembers.Strings(key["Values"], "PartitionsToDelete.Values");
            if (!catalog.RemovePartition(database, tableName, values))
            {
                errors.Add(Error(key["Values"], "EntityNotFoundException", "Partition not found."));
            }
        }

        return new JsonObject { ["Errors"] = errors };
    }

    private static List<JsonObject> Segment(IReadOnlyList<JsonObject> partitions, JsonObject segment)
    {
        var number = segment.OptionalInt("SegmentNumber", 0, 9) ?? 0;
        var total = segment.OptionalInt("TotalSegments", 1, 10) ?? 1;
        if (number >= total)
        {
            throw GlueErrors.InvalidInput("SegmentNumber must be less than TotalSegments.");
        }

        return [.. partitions.Where((_, index) => index % total == number)];
    }

    private static (string Database, string Table) TableOf(JsonObject request) =>
        (request.RequiredString("DatabaseName"), request.RequiredString("TableName"));

    private static JsonObject Error(JsonNode? values, string code, string message) => new()
    {
        ["PartitionValues"] = values?.DeepClone(),
        ["ErrorDetail"] = new JsonObject { ["ErrorCode"] = code, ["ErrorMessage"] = message },
    };
}
