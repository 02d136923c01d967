using System.Text.Json.Nodes;
using LocalAws.Tests.Infrastructure;

namespace LocalAws.Tests.Glue;

[Collection(LocalAwsCollectionDefinition.Name)]
public sealed class CatalogTests(LocalAwsFixture fixture)
{
    [Fact]
    public async Task Database_is_created_once_and_listed()
    {
        var database = await Lake.CreateDatabaseAsync(fixture);

        var again = await fixture.Aws.GlueErrorAsync("CreateDatabase", $$"""{"DatabaseInput":{"Name":"{{database}}"} }""");
        var got = await fixture.Aws.GlueAsync("GetDatabase", $$"""{"Name":"{{database}}"}""");
        var all = await fixture.Aws.GlueAsync("GetDatabases", "{}");

        Assert.Equal("AlreadyExistsException", again.ErrorType);
        Assert.Equal(database, (string?)got["Database"]!["Name"]);
        Assert.Contains(((JsonArray)all["DatabaseList"]!).Select(d => (string?)d!["Name"]), n => n == database);
    }

    [Fact]
    public async Task Table_round_trips_storage_descriptor_partition_keys_and_parameters()
    {
        var database = await Lake.CreateDatabaseAsync(fixture);
        var input = JsonNode.Parse("""
            {"Name":"events","Description":"d","TableType":"EXTERNAL_TABLE",
             "Parameters":{"projection.enabled":"true","projection.dt.type":"date","table_type":"ICEBERG","custom":"x"},
             "PartitionKeys":[{"Name":"dt","Type":"string","Comment":"day"}],
             "StorageDescriptor":{"Columns":[{"Name":"id","Type":"bigint"},{"Name":"payload","Type":"struct<a:int,b:array<string>>"}],
               "Location":"s3://b/events/","InputFormat":"in","OutputFormat":"out","Compressed":false,"NumberOfBuckets":-1,
               "SerdeInfo":{"SerializationLibrary":"serde","Parameters":{"field.delim":"\t"}},"BucketColumns":[],"SortColumns":[],
               "Parameters":{"sd":"1"},"StoredAsSubDirectories":false}}
            """)!.AsObject();

        await fixture.Aws.GlueAsync("CreateTable", new JsonObject { ["DatabaseName"] = database, ["TableInput"] = input.DeepClone() }.ToJsonString());
        var table = (JsonObject)(await fixture.Aws.GlueAsync("GetTable", $$"""{"DatabaseName":"{{database}}","Name":"events"}"""))["Table"]!;

        foreach (var member in new[] { "StorageDescriptor", "PartitionKeys", "Parameters", "TableType", "Description" })
        {
            Assert.True(JsonNode.DeepEquals(input[member], table[member]), $"{member}: {table[member]?.ToJsonString()}");
        }

        Assert.Equal(database, (string?)table["DatabaseName"]);
        Assert.True(table["CreateTime"] is JsonValue created && created.GetValue<double>() > 1_600_000_000);
    }

    [Fact]
    public async Task UpdateTable_replaces_and_DeleteTable_removes()
    {
        var database = await Lake.CreateDatabaseAsync(fixture);
        await Lake.CreateRawTableAsync(fixture, database, "t", "upd");

        await fixture.Aws.GlueAsync("UpdateTable", $$"""
            {"DatabaseName":"{{database}}","TableInput":{"Name":"t","Parameters":{"v":"2"},"StorageDescriptor":{"Location":"s3://b/new/"} } }
            """);
        var updated = (await fixture.Aws.GlueAsync("GetTable", $$"""{"DatabaseName":"{{database}}","Name":"t"}"""))["Table"]!;
        var tables = await fixture.Aws.GlueAsync("GetTables", $$"""{"DatabaseName":"{{database}}"}""");
        await fixture.Aws.GlueAsync("DeleteTable", $$"""{"DatabaseName":"{{database}}","Name":"t"}""");
        var gone = await fixture.Aws.GlueErrorAsync("GetTable", $$"""{"DatabaseName":"{{database}}","Name":"t"}""");

        Assert.Equal("2", (string?)updated["Parameters"]!["v"]);
        Assert.Equal("s3://b/new/", (string?)updated["StorageDescriptor"]!["Location"]);
        Assert.Single((JsonArray)tables["TableList"]!);
        Assert.Equal("EntityNotFoundException", gone.ErrorType);
    }

    [Fact]
    public async Task BatchCreatePartition_reports_existing_partitions_per_item_and_creates_the_rest()
    {
        var database = await Lake.CreateDatabaseAsync(fixture);
        await Lake.CreateRawTableAsync(fixture, database, "t", "bcp");
        await Lake.AddPartitionAsync(fixture, database, "t", "bcp", 2024, 1);

        var result = await fixture.Aws.GlueAsync("BatchCreatePartition", $$"""
            {"DatabaseName":"{{database}}","TableName":"t","PartitionInputList":[{"Values":["2024","1"]},{"Values":["2024","2"]}]}
            """);
        var created = await fixture.Aws.GlueAsync("GetPartition", $$"""{"DatabaseName":"{{database}}","TableName":"t","PartitionValues":["2024","2"]}""");

        var error = Assert.Single((JsonArray)result["Errors"]!)!;
        Assert.Equal("AlreadyExistsException", (string?)error["ErrorDetail"]!["ErrorCode"]);
        Assert.Equal("[\"2024\",\"1\"]", error["PartitionValues"]!.ToJsonString());
        Assert.Equal("t", (string?)created["Partition"]!["TableName"]);
    }

    [Fact]
    public async Task BatchCreatePartition_over_100_inputs_is_InvalidInput()
    {
        var database = await Lake.CreateDatabaseAsync(fixture);
        await Lake.CreateRawTableAsync(fixture, database, "t", "big");
        var inputs = new JsonArray([.. Enumerable.Range(1, 101).Select(i => new JsonObject { ["Values"] = new JsonArray("2024", $"{i}") })]);

        var response = await fixture.Aws.GlueErrorAsync("BatchCreatePartition",
            new JsonObject { ["DatabaseName"] = database, ["TableName"] = "t", ["PartitionInputList"] = inputs }.ToJsonString());

        Assert.Equal("InvalidInputException", response.ErrorType);
    }

    [Theory]
    [InlineData("year = 2024", 12)]
    [InlineData("month = '3'", 2)]
    [InlineData("year = 2024 AND month > 10", 2)]
    [InlineData("month >= 6 AND month <= 7", 4)]
    [InlineData("year = 2023 OR month = 1", 13)]
    [InlineData("month IN (1, 2, 12)", 6)]
    [InlineData("month <> 1 AND (year < 2024)", 11)]
    [InlineData("month BETWEEN 2 AND 4 AND year = 2023", 3)]
    [InlineData("NOT (year = 2023)", 12)]
    public async Task GetPartitions_filters_with_the_expression(string expression, int expected)
    {
        var (database, table) = await TwoYearsOfPartitionsAsync();

        var partitions = await AllPartitionsAsync(database, table, expression, pageSize: 1000);

        Assert.Equal(expected, partitions.Count);
    }

    [Fact]
    public async Task Numeric_partition_keys_compare_as_numbers_not_strings()
    {
        var (database, table) = await TwoYearsOfPartitionsAsync();

        var partitions = await AllPartitionsAsync(database, table, "year = 2024 AND month < 3", pageSize: 1000);

        // As strings, '10', '11' and '12' would sort before '3'.
        Assert.Equal(["1", "2"], partitions.Select(p => (string)p["Values"]![1]!).Order().ToArray());
    }

    [Fact]
    public async Task GetPartitions_pages_with_NextToken_without_losing_or_repeating_partitions()
    {
        var (database, table) = await TwoYearsOfPartitionsAsync();

        var partitions = await AllPartitionsAsync(database, table, expression: null, pageSize: 5);

        Assert.Equal(24, partitions.Count);
        Assert.Equal(24, partitions.Select(p => p["Values"]!.ToJsonString()).Distinct().Count());
    }

    [Fact]
    public async Task Unknown_column_in_expression_is_InvalidInput()
    {
        var (database, table) = await TwoYearsOfPartitionsAsync();

        var response = await fixture.Aws.GlueErrorAsync("GetPartitions",
            $$"""{"DatabaseName":"{{database}}","TableName":"{{table}}","Expression":"day = 1"}""");

        Assert.Equal("InvalidInputException", response.ErrorType);
    }

    [Fact]
    public async Task BatchGetPartition_returns_existing_and_BatchDeletePartition_removes_them()
    {
        var (database, table) = await TwoYearsOfPartitionsAsync();

        var got = await fixture.Aws.GlueAsync("BatchGetPartition", $$"""
            {"DatabaseName":"{{database}}","TableName":"{{table}}","PartitionsToGet":[{"Values":["2024","1"]},{"Values":["2030","1"]}]}
            """);
        var deleted = await fixture.Aws.GlueAsync("BatchDeletePartition", $$"""
            {"DatabaseName":"{{database}}","TableName":"{{table}}","PartitionsToDelete":[{"Values":["2024","1"]},{"Values":["2030","1"]}]}
            """);
        var missing = await fixture.Aws.GlueErrorAsync("GetPartition",
            $$"""{"DatabaseName":"{{database}}","TableName":"{{table}}","PartitionValues":["2024","1"]}""");

        Assert.Single((JsonArray)got["Partitions"]!);
        Assert.Empty((JsonArray)got["UnprocessedKeys"]!);
        Assert.Equal("EntityNotFoundException", (string?)Assert.Single((JsonArray)deleted["Errors"]!)!["ErrorDetail"]!["ErrorCode"]);
        Assert.Equal("EntityNotFoundException", missing.ErrorType);
    }

    private async Task<(string Database, string Table)> TwoYearsOfPartitionsAsync()
    {
        var database = await Lake.CreateDatabaseAsync(fixture);
        await Lake.CreateRawTableAsync(fixture, database, "t", database);
        var inputs = new JsonArray([.. from year in new[] { 2023, 2024 } from month in Enumerable.Range(1, 12)
            select new JsonObject { ["Values"] = new JsonArray($"{year}", $"{month}") }]);
        var result = await fixture.Aws.GlueAsync("BatchCreatePartition",
            new JsonObject { ["DatabaseName"] = database, ["TableName"] = "t", ["PartitionInputList"] = inputs }.ToJsonString());
        Assert.Empty((JsonArray)result["Errors"]!);
        return (database, "t");
    }

    private async Task<List<JsonObject>> AllPartitionsAsync(string database, string table, string? expression, int pageSize)
    {
        var partitions = new List<JsonObject>();
        string? token = null;
        do
        {
            var request = new JsonObject { ["DatabaseName"] = database, ["TableName"] = table, ["MaxResults"] = pageSize };
            if (expression is not null)
            {
                request["Expression"] = expression;
            }

            if (token is not null)
            {
                request["NextToken"] = token;
            }

            var page = await fixture.Aws.GlueAsync("GetPartitions", request.ToJsonString());
            var items = ((JsonArray)page["Partitions"]!).Select(p => (JsonObject)p!).ToList();
            Assert.True(items.Count <= pageSize);
            partitions.AddRange(items);
            token = (string?)page["NextToken"];
        }
        while (token is not null);

        return partitions;
    }
}
