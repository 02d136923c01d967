using System.Text;
using Amazon.S3.Model;
using Orchestrator.IntegrationTests.Infrastructure;

namespace Orchestrator.IntegrationTests.Emulator;

/// <summary>The orchestrator reads the objects that S3 events point at; keys carry Hive-style partitions with slashes.</summary>
[Collection(SqsS3EmulatorCollectionDefinition.Name)]
public sealed class S3PathStyleTests(SqsS3EmulatorFixture emulator) : IAsyncLifetime
{
    private readonly string _bucket = SqsS3EmulatorFixture.UniqueName("it");

    public async Task InitializeAsync() => await emulator.S3.PutBucketAsync(_bucket);

    public async Task DisposeAsync()
    {
        var listed = await emulator.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket });
        foreach (var s3Object in listed.S3Objects ?? [])
        {
            await emulator.S3.DeleteObjectAsync(_bucket, s3Object.Key);
        }

        await emulator.S3.DeleteBucketAsync(_bucket);
    }

    [Fact]
    public async Task An_object_put_under_a_partitioned_key_is_read_back_with_its_content_and_type()
    {
        const string Key = "sales/year=2026/month=11/part-0001.json";
        const string Body = "{\"id\":1,\"amount\":\"12.50\",\"note\":\"é ü 漢\"}";
        await emulator.S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket,
            Key = Key,
            ContentBody = Body,
            ContentType = "application/json",
        });

        using var response = await emulator.S3.GetObjectAsync(_bucket, Key);
        using var reader = new StreamReader(response.ResponseStream, Encoding.UTF8);

        Assert.Equal(Body, await reader.ReadToEndAsync());
        Assert.Equal("application/json", response.Headers.ContentType);
        var listed = await emulator.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket, Prefix = "sales/year=2026/" });
        Assert.Equal(Key, Assert.Single(listed.S3Objects).Key);
    }
}
