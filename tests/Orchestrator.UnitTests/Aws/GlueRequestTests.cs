using System.Text.Json;
using Orchestrator.Jobs.Aws.Glue.Model;

namespace Orchestrator.UnitTests.Aws;

public sealed class GlueRequestTests
{
    private readonly AwsTestClients aws = new();

    [Fact]
    public async Task StartJobRun_is_a_signed_json_1_1_post_with_the_glue_target()
    {
        aws.Handler.ThenJson("""{"JobRunId":"jr_1"}""");
        using var glue = aws.Glue();

        var response = await glue.StartJobRunAsync(new StartJobRunRequest
        {
            JobName = "raw_to_curated",
            Arguments = new() { ["--job-bookmark-option"] = "job-bookmark-enable", ["--target"] = "s3://lake/curated/" },
            WorkerType = "G.1X",
            NumberOfWorkers = 2,
        });

        Assert.Equal("jr_1", response.JobRunId);
        var sent = Assert.Single(aws.Handler.Requests);
        Assert.Equal(HttpMethod.Post, sent.Message.Method);
        Assert.Equal(new Uri("https://glue.eu-west-1.amazonaws.com/"), sent.Message.RequestUri);
        Assert.Equal("AWSGlue.StartJobRun", sent.Target);
        Assert.Equal("application/x-amz-json-1.1", sent.Message.Content!.Headers.ContentType!.ToString());
        Assert.NotNull(sent.Header("X-Amz-Date"));

        var authorization = sent.Authorization!;
        Assert.StartsWith("AWS4-HMAC-SHA256 ", authorization, StringComparison.Ordinal);
        Assert.Matches($@"Credential={AwsTestClients.AccessKey}/\d{{8}}/eu-west-1/glue/aws4_request", authorization);
        var signedHeaders = SignedHeaders(authorization);
        Assert.Contains("host", signedHeaders);
        Assert.Contains("x-amz-date", signedHeaders);
        Assert.Contains("x-amz-target", signedHeaders);
        Assert.Matches("Signature=[0-9a-f]{64}$", authorization);
    }

    [Fact]
    public async Task StartJobRun_body_has_the_wire_member_names_and_leaves_out_unset_members()
    {
        aws.Handler.ThenJson("""{"JobRunId":"jr_1"}""");
        using var glue = aws.Glue();

        await glue.StartJobRunAsync(new StartJobRunRequest
        {
            JobName = "raw_to_curated",
            Arguments = new() { ["--job-bookmark-option"] = "job-bookmark-enable" },
            Timeout = 30,
        });

        var body = aws.Handler.Requests[0].Json;
        Assert.Equal("raw_to_curated", body.GetProperty("JobName").GetString());
        Assert.Equal("job-bookmark-enable", body.GetProperty("Arguments").GetProperty("--job-bookmark-option").GetString());
        Assert.Equal(30, body.GetProperty("Timeout").GetInt32());
        Assert.Equal(["JobName", "Arguments", "Timeout"], body.EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public async Task BatchCreatePartition_sends_the_partition_input_list_with_storage_descriptors()
    {
        aws.Handler.ThenJson("{}");
        using var glue = aws.Glue();

        await glue.BatchCreatePartitionAsync(new BatchCreatePartitionRequest
        {
            DatabaseName = "lake",
            TableName = "raw_sales",
            PartitionInputList =
            [
                new PartitionInput
                {
                    Values = ["2026", "11"],
                    LastAccessTime = new DateTime(2026, 11, 25, 12, 0, 0, 500, DateTimeKind.Utc),
                    StorageDescriptor = new StorageDescriptor
                    {
                        Location = "s3://lake/raw/sales/year=2026/month=11/",
                        InputFormat = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
                        Columns = [new Column { Name = "amount", Type = "double" }],
                        SerdeInfo = new SerDeInfo { SerializationLibrary = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe" },
                    },
                },
            ],
        });

        var sent = aws.Handler.Requests[0];
        Assert.Equal("AWSGlue.BatchCreatePartition", sent.Target);
        var input = sent.Json.GetProperty("PartitionInputList")[0];
        Assert.Equal("2026,11", string.Join(",", input.GetProperty("Values").EnumerateArray().Select(v => v.GetString())));
        Assert.Equal(JsonValueKind.Number, input.GetProperty("LastAccessTime").ValueKind);
        Assert.Equal(1795608000.5m, input.GetProperty("LastAccessTime").GetDecimal());
        var descriptor = input.GetProperty("StorageDescriptor");
        Assert.Equal("s3://lake/raw/sales/year=2026/month=11/", descriptor.GetProperty("Location").GetString());
        Assert.Equal("amount", descriptor.GetProperty("Columns")[0].GetProperty("Name").GetString());
        Assert.Equal(
            "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
            descriptor.GetProperty("SerdeInfo").GetProperty("SerializationLibrary").GetString());
        Assert.False(descriptor.TryGetProperty("Parameters", out _));
    }

    [Fact]
    public async Task GetPartitions_sends_the_expression_filter()
    {
        aws.Handler.ThenJson("""{"Partitions":[]}""");
        using var glue = aws.Glue();

        await glue.GetPartitionsAsync(new GetPartitionsRequest
        {
            DatabaseName = "lake",
            TableName = "raw_sales",
            Expression = "year = '2026' AND month = '11'",
            MaxResults = 100,
        });

        var body = aws.Handler.Requests[0].Json;
        Assert.Equal("AWSGlue.GetPartitions", aws.Handler.Requests[0].Target);
        Assert.Equal("year = '2026' AND month = '11'", body.GetProperty("Expression").GetString());
        Assert.Equal(100, body.GetProperty("MaxResults").GetInt32());
    }

    [Fact]
    public async Task The_signature_covers_the_target_and_body_that_were_sent()
    {
        aws.Handler.ThenJson("""{"JobRunId":"jr_1"}""");
        using var glue = aws.Glue();

        await glue.StartJobRunAsync(new StartJobRunRequest { JobName = "raw_to_curated", Arguments = new() { ["--day"] = "2026-11-25" } });

        var sent = aws.Handler.Requests[0];
        var expected = SigV4Verifier.ExpectedSignature(sent, AwsTestClients.SecretKey, "eu-west-1", "glue");
        Assert.Equal(expected, SigV4Verifier.Part(sent.Authorization!, "Signature="));
    }

    private static string[] SignedHeaders(string authorization)
    {
        var part = authorization.Split(", ").Single(p => p.StartsWith("SignedHeaders=", StringComparison.Ordinal));
        return part["SignedHeaders=".Length..].Split(';');
    }
}
