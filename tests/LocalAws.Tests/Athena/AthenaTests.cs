using System.Text.Json.Nodes;
using LocalAws.Tests.Infrastructure;

namespace LocalAws.Tests.Athena;

[Collection(LocalAwsCollectionDefinition.Name)]
public sealed class AthenaTests(LocalAwsFixture fixture)
{
    [Fact]
    public async Task Select_sees_only_registered_partitions_and_partition_columns()
    {
        var database = await Lake.CreateDatabaseAsync(fixture);
        await Lake.CreateRawTableAsync(fixture, database, "raw", database);
        await fixture.PutAsync($"{database}/year=2024/month=1/a.csv", "id,name,amount,date\n1,a,1.5,2024-01-01\n2,b,2.5,2024-01-02\n");
        await fixture.PutAsync($"{database}/year=2024/month=2/b.csv", "id,name,amount,date\n3,c,3.5,2024-02-01\n");
        await Lake.AddPartitionAsync(fixture, database, "raw", database, 2024, 1);

        var rows = await fixture.SelectAsync("SELECT id, name, amount, date, year, month FROM raw ORDER BY id", database);

        Assert.Equal([["1", "a", "1.5", "2024-01-01", "2024", "1"], ["2", "b", "2.5", "2024-01-02", "2024", "1"]], rows);
    }

    [Fact]
    public async Task Projection_tables_see_every_partition_folder()
    {
        var database = await Lake.CreateDatabaseAsync(fixture);
        await Lake.CreateRawTableAsync(fixture, database, "raw", database);
        var table = (JsonObject)(await fixture.Aws.GlueAsync("GetTable", $$"""{"DatabaseName":"{{database}}","Name":"raw"}"""))["Table"]!;
        table["Parameters"]!["projection.enabled"] = "true";
        foreach (var member in new[] { "DatabaseName", "CreateTime", "UpdateTime", "IsRegisteredWithLakeFormation", "CatalogId", "VersionId", "CreatedBy" })
        {
            table.Remove(member);
        }

        await fixture.Aws.GlueAsync("UpdateTable", new JsonObject { ["DatabaseName"] = database, ["TableInput"] = table.DeepClone() }.ToJsonString());
        await fixture.PutAsync($"{database}/year=2024/month=1/a.csv", "id,name,amount,date\n1,a,1,2024-01-01\n");
        await fixture.PutAsync($"{database}/year=2024/month=2/b.csv", "id,name,amount,date\n2,b,2,2024-02-01\n");

        var rows = await fixture.SelectAsync("SELECT count(*) AS n FROM raw", database);

        Assert.Equal("2", rows.Single()[0]);
    }

    [Fact]
    public async Task Query_execution_reports_statistics_result_metadata_and_writes_the_csv()
    {
        var database = await Lake.CreateDatabaseAsync(fixture);
        await Lake.CreateRawTableAsync(fixture, database, "raw", database);
        await fixture.PutAsync($"{database}/year=2024/month=1/a.csv", "id,name,amount,date\n1,a,1.5,2024-01-01\n");
        await Lake.AddPartitionAsync(fixture, database, "raw", database, 2024, 1);

        var execution = await fixture.QueryAsync("SELECT id, name FROM raw", database);
        var id = (string)execution["QueryExecutionId"]!;
        var results = await fixture.Aws.AthenaAsync("GetQueryResults", $$"""{"QueryExecutionId":"{{id}}"}""");
        var output = (string)execution["ResultConfiguration"]!["OutputLocation"]!;
        var csv = await fixture.ReadAsync(LocalAwsFixture.ResultsBucket, output[$"s3://{LocalAwsFixture.ResultsBucket}/".Length..]);

        Assert.Equal("SUCCEEDED", (string?)execution["Status"]!["State"]);
        Assert.Equal("DML", (string?)execution["StatementType"]);
        Assert.True((long)execution["Statistics"]!["DataScannedInBytes"]! > 0);
        Assert.NotNull(execution["Statistics"]!["EngineExecutionTimeInMillis"]);
        Assert.NotNull(execution["Statistics"]!["TotalExecutionTimeInMillis"]);
        var columns = (JsonArray)results["ResultSet"]!["ResultSetMetadata"]!["ColumnInfo"]!;
        Assert.Equal(["bigint", "varchar"], columns.Select(c => (string)c!["Type"]!));
        var header = results["ResultSet"]!["Rows"]![0]!["Data"]!.AsArray().Select(d => (string?)d!["VarCharValue"]);
        Assert.Equal(["id", "name"], header);
        Assert.EndsWith($"{id}.csv", output, StringComparison.Ordinal);
        Assert.Equal("\"id\",\"name\"\n\"1\",\"a\"\n", csv);
    }

    [Fact]
    public async Task GetQueryResults_pages_with_NextToken()
    {
        var rows = await fixture.QueryAsync("SELECT * FROM range(25) t(i)", database: null);
        var id = (string)rows["QueryExecutionId"]!;

        var first = await fixture.Aws.AthenaAsync("GetQueryResults", $$"""{"QueryExecutionId":"{{id}}","MaxResults":10}""");
        var pages = 1;
        var count = ((JsonArray)first["ResultSet"]!["Rows"]!).Count;
        var token = (string?)first["NextToken"];
        while (token is not null)
        {
            var page = await fixture.Aws.AthenaAsync("GetQueryResults", $$"""{"QueryExecutionId":"{{id}}","MaxResults":10,"NextToken":"{{token}}"}""");
            count += ((JsonArray)page["ResultSet"]!["Rows"]!).Count;
            token = (string?)page["NextToken"];
            pages++;
        }

        Assert.Equal(26, count);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Same_ClientRequestToken_returns_the_same_QueryExecutionId()
    {
        var token = Guid.NewGuid().ToString("N");
        var body = $$"""{"QueryString":"SELECT 1","ClientRequestToken":"{{token}}"}""";

        var first = await fixture.Aws.AthenaAsync("StartQueryExecution", body);
        var second = await fixture.Aws.AthenaAsync("StartQueryExecution", body);
        var different = await fixture.Aws.AthenaErrorAsync("StartQueryExecution", $$"""{"QueryString":"SELECT 2","ClientRequestToken":"{{token}}"}""");

        Assert.Equal((string?)first["QueryExecutionId"], (string?)second["QueryExecutionId"]);
        Assert.Equal("InvalidRequestException", different.ErrorType);
    }

    [Fact]
    public async Task Ddl_statements_change_the_glue_catalog()
    {
        var database = await Lake.CreateDatabaseAsync(fixture);
        var location = $"s3://{LocalAwsFixture.DataBucket}/{database}/ddl/";
        await fixture.PutAsync($"{database}/ddl/dt=2024-01-03/a.csv", "1,x\n");
        await fixture.PutAsync($"{database}/ddl/dt=2024-01-04/b.csv", "2,y\n");

        var create = await fixture.QueryAsync($"""
            CREATE EXTERNAL TABLE IF NOT EXISTS events (id bigint, label string)
            PARTITIONED BY (dt string)
            ROW FORMAT DELIMITED FIELDS TERMINATED BY ','
            STORED AS TEXTFILE
            LOCATION '{location}'
            TBLPROPERTIES ('classification'='csv')
            """, database);
        var add = await fixture.QueryAsync($"ALTER TABLE events ADD IF NOT EXISTS PARTITION (dt = '2024-01-03') LOCATION '{location}dt=2024-01-03/'", database);
        var afterAdd = await fixture.SelectAsync("SELECT id, dt FROM events", database);
        var msck = await fixture.QueryAsync("MSCK REPAIR TABLE events", database);
        var afterMsck = await fixture.SelectAsync("SELECT count(*) AS n FROM events", database);
        var drop = await fixture.QueryAsync("ALTER TABLE events DROP PARTITION (dt = '2024-01-03')", database);
        var partitions = await fixture.Aws.GlueAsync("GetPartitions", $$"""{"DatabaseName":"{{database}}","TableName":"events"}""");
        var table = (await fixture.Aws.GlueAsync("GetTable", $$"""{"DatabaseName":"{{database}}","Name":"events"}"""))["Table"]!;

        Assert.All(new[] { create, add, msck, drop }, q => Assert.Equal("SUCCEEDED", (string?)q["Status"]!["State"]));
        Assert.Equal("DDL", (string?)create["StatementType"]);
        Assert.Equal([["1", "2024-01-03"]], afterAdd);
        Assert.Equal("2", afterMsck.Single()[0]);
        Assert.Equal(["2024-01-04"], ((JsonArray)partitions["Partitions"]!).Select(p => (string)p!["Values"]![0]!));
        Assert.Equal(",", (string?)table["StorageDescriptor"]!["SerdeInfo"]!["Parameters"]!["field.delim"]);
        Assert.Equal("dt", (string?)table["PartitionKeys"]![0]!["Name"]);
        Assert.Equal("TRUE", (string?)table["Parameters"]!["EXTERNAL"]);
    }

    [Fact]
    public async Task Adding_an_existing_partition_without_IF_NOT_EXISTS_fails()
    {
        var database = await Lake.CreateDatabaseAsync(fixture);
        await Lake.CreateRawTableAsync(fixture, database, "raw", database);
        await Lake.AddPartitionAsync(fixture, database, "raw", database, 2024, 1);

        var query = await fixture.QueryAsync("ALTER TABLE raw ADD PARTITION (year=2024, month=1)", database);

        Assert.Equal("FAILED", (string?)query["Status"]!["State"]);
        Assert.Contains("AlreadyExists", (string?)query["Status"]!["StateChangeReason"], StringComparison.Ordinal);
        Assert.Equal(2, (int?)query["Status"]!["AthenaError"]!["ErrorCategory"]);
    }

    [Fact]
    public async Task Optimize_and_vacuum_are_rejected_for_non_iceberg_tables_and_accepted_for_iceberg()
    {
        var database = await Lake.CreateDatabaseAsync(fixture);
        await Lake.CreateRawTableAsync(fixture, database, "hive_table", database);
        await fixture.Aws.GlueAsync("CreateTable", $$"""
            {"DatabaseName":"{{database}}","TableInput":{"Name":"ice","TableType":"EXTERNAL_TABLE","Parameters":{"table_type":"ICEBERG"},
             "StorageDescriptor":{"Location":"s3://{{LocalAwsFixture.DataBucket}}/{{database}}/ice/","Columns":[{"Name":"id","Type":"bigint"}]} } }
            """);

        var optimizeHive = await fixture.QueryAsync("OPTIMIZE hive_table REWRITE DATA USING BIN_PACK", database);
        var vacuumHive = await fixture.QueryAsync("VACUUM hive_table", database);
        var optimizeIceberg = await fixture.QueryAsync("OPTIMIZE ice REWRITE DATA USING BIN_PACK", database);
        var vacuumIceberg = await fixture.QueryAsync("VACUUM ice", database);

        Assert.Equal("FAILED", (string?)optimizeHive["Status"]!["State"]);
        Assert.Contains("not an Iceberg table", (string?)optimizeHive["Status"]!["StateChangeReason"], StringComparison.Ordinal);
        Assert.NotNull(optimizeHive["Status"]!["AthenaError"]!["ErrorType"]);
        Assert.Equal("FAILED", (string?)vacuumHive["Status"]!["State"]);
        Assert.Equal("SUCCEEDED", (string?)optimizeIceberg["Status"]!["State"]);
        Assert.Equal("SUCCEEDED", (string?)vacuumIceberg["Status"]!["State"]);
    }

    [Fact]
    public async Task Ctas_writes_parquet_and_registers_table_and_partitions()
    {
        var database = await Lake.CreateDatabaseAsync(fixture);
        await Lake.CreateRawTableAsync(fixture, database, "raw", $"{database}/raw");
        await fixture.PutAsync($"{database}/raw/year=2024/month=1/a.csv", "id,name,amount,date\n1,a,1,2024-01-01\n2,b,2,2024-01-02\n");
        await Lake.AddPartitionAsync(fixture, database, "raw", $"{database}/raw", 2024, 1);

        var ctas = await fixture.QueryAsync($"""
            CREATE TABLE compacted WITH (format = 'PARQUET', external_location = 's3://{LocalAwsFixture.DataBucket}/{database}/compacted/',
              partitioned_by = ARRAY['month']) AS SELECT id, amount, month FROM raw
            """, database);
        var rows = await fixture.SelectAsync("SELECT id, month FROM compacted ORDER BY id", database);

        Assert.Equal("SUCCEEDED", (string?)ctas["Status"]!["State"]);
        Assert.Equal([["1", "1"], ["2", "1"]], rows);
    }

    [Fact]
    public async Task Failed_query_has_athena_error_and_GetQueryResults_is_refused()
    {
        var execution = await fixture.QueryAsync("SELECT * FROM no_such_table_anywhere", "default");
        var id = (string)execution["QueryExecutionId"]!;

        var results = await fixture.Aws.AthenaErrorAsync("GetQueryResults", $$"""{"QueryExecutionId":"{{id}}"}""");

        Assert.Equal("FAILED", (string?)execution["Status"]!["State"]);
        Assert.Contains("TABLE_NOT_FOUND", (string?)execution["Status"]!["StateChangeReason"], StringComparison.Ordinal);
        Assert.Equal(2, (int?)execution["Status"]!["AthenaError"]!["ErrorCategory"]);
        Assert.Equal("InvalidRequestException", results.ErrorType);
    }

    [Fact]
    public async Task Unknown_workgroup_and_unknown_query_are_InvalidRequest()
    {
        var workGroup = await fixture.Aws.AthenaErrorAsync("StartQueryExecution", """{"QueryString":"SELECT 1","WorkGroup":"nope"}""");
        var query = await fixture.Aws.AthenaErrorAsync("GetQueryExecution", """{"QueryExecutionId":"00000000-0000-0000-0000-000000000000"}""");
        var primary = await fixture.Aws.AthenaAsync("GetWorkGroup", """{"WorkGroup":"primary"}""");

        Assert.Equal("InvalidRequestException", workGroup.ErrorType);
        Assert.Equal("InvalidRequestException", query.ErrorType);
        Assert.Equal("primary", (string?)primary["WorkGroup"]!["Name"]);
    }

    [Fact]
    public async Task Workgroup_output_location_is_used_when_the_request_has_none()
    {
        var name = LocalAwsFixture.Unique("wg");
        await fixture.Aws.AthenaAsync("CreateWorkGroup", $$"""
            {"Name":"{{name}}","Configuration":{"ResultConfiguration":{"OutputLocation":"s3://{{LocalAwsFixture.ResultsBucket}}/{{name}}/"} } }
            """);

        var id = (string)(await fixture.Aws.AthenaAsync("StartQueryExecution", $$"""{"QueryString":"SELECT 1","WorkGroup":"{{name}}"}"""))["QueryExecutionId"]!;
        var execution = await fixture.WaitForQueryAsync(id);

        Assert.Equal($"s3://{LocalAwsFixture.ResultsBucket}/{name}/{id}.csv", (string?)execution["ResultConfiguration"]!["OutputLocation"]);
        Assert.Equal(name, (string?)execution["WorkGroup"]);
    }
}
