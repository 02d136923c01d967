namespace LocalAws.Tests.Infrastructure;

/// <summary>Creates the catalog objects the tests share: a database and CSV/Parquet tables under a unique S3 prefix.</summary>
internal static class Lake
{
    public static async Task<string> CreateDatabaseAsync(LocalAwsFixture fixture)
    {
        var database = LocalAwsFixture.Unique("db");
        await fixture.Aws.GlueAsync("CreateDatabase", $$"""{"DatabaseInput":{"Name":"{{database}}"} }""");
        return database;
    }

    /// <summary>A CSV table (id,name,amount,date with a header line) partitioned by year and month.</summary>
    public static Task CreateRawTableAsync(LocalAwsFixture fixture, string database, string table, string prefix) =>
        fixture.Aws.GlueAsync("CreateTable", $$"""
            {"DatabaseName":"{{database}}","TableInput":{"Name":"{{table}}","TableType":"EXTERNAL_TABLE",
             "Parameters":{"skip.header.line.count":"1","classification":"csv"},
             "PartitionKeys":[{"Name":"year","Type":"int"},{"Name":"month","Type":"int"}],
             "StorageDescriptor":{"Location":"s3://{{LocalAwsFixture.DataBucket}}/{{prefix}}/",
               "Columns":[{"Name":"id","Type":"bigint"},{"Name":"name","Type":"string"},{"Name":"amount","Type":"double"},{"Name":"date","Type":"date"}],
               "InputFormat":"org.apache.hadoop.mapred.TextInputFormat",
               "SerdeInfo":{"SerializationLibrary":"org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe","Parameters":{"field.delim":","} } } } }
            """);

    /// <summary>A Parquet table with the same columns, partitioned by year and month.</summary>
    public static Task CreateCuratedTableAsync(LocalAwsFixture fixture, string database, string table, string prefix) =>
        fixture.Aws.GlueAsync("CreateTable", $$"""
            {"DatabaseName":"{{database}}","TableInput":{"Name":"{{table}}","TableType":"EXTERNAL_TABLE",
             "Parameters":{"classification":"parquet"},
             "PartitionKeys":[{"Name":"year","Type":"int"},{"Name":"month","Type":"int"}],
             "StorageDescriptor":{"Location":"s3://{{LocalAwsFixture.DataBucket}}/{{prefix}}/",
               "Columns":[{"Name":"id","Type":"bigint"},{"Name":"name","Type":"string"},{"Name":"amount","Type":"double"},{"Name":"date","Type":"date"}],
               "InputFormat":"org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
               "SerdeInfo":{"SerializationLibrary":"org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"} } } }
            """);

    public static Task AddPartitionAsync(LocalAwsFixture fixture, string database, string table, string prefix, int year, int month) =>
        fixture.Aws.GlueAsync("CreatePartition", $$"""
            {"DatabaseName":"{{database}}","TableName":"{{table}}","PartitionInput":{"Values":["{{year}}","{{month}}"],
             "StorageDescriptor":{"Location":"s3://{{LocalAwsFixture.DataBucket}}/{{prefix}}/year={{year}}/month={{month}}/"} } }
            """);
}
