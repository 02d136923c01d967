using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Amazon.S3.Model;
using Amazon.SQS.Model;
using Orchestrator.Ingestion.Notifications;
using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.Jobs.Objects;

namespace Orchestrator.IntegrationTests.Emulator;

/// <summary>
/// The local stack's S3 bucket notifications (local/emulators/s3-notifications.mjs; fauxqs has none): objects written with
/// the .NET S3 client arrive on the configured queue as AWS's event structure 2.1, keys form-URL-encoded as S3 does, and the
/// orchestrator's own parser reads them back to the exact keys. Configuration: <see cref="NotificationSetup"/>.
/// </summary>
[Collection(SqsS3EmulatorCollectionDefinition.Name)]
public sealed class S3NotificationTests(SqsS3EmulatorFixture emulator)
{
    private static readonly TimeSpan ReceiveTimeout = TimeSpan.FromSeconds(10);

    // The S3 event record's members, exactly (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html).
    private static readonly string[] RecordMembers =
    [
        "eventVersion", "eventSource", "awsRegion", "eventTime", "eventName", "userIdentity", "requestParameters",
        "responseElements", "s3",
    ];

    private static readonly string[] S3Members = ["s3SchemaVersion", "configurationId", "bucket", "object"];

    public static TheoryData<string, string> Keys => new()
    {
        // key as uploaded, key as S3 writes it into the notification (form encoding; '/' kept; UTF-8 bytes as %XX)
        { "keys/year=2024/month=01/sales 2024-01 part 1.csv", "keys/year%3D2024/month%3D01/sales+2024-01+part+1.csv" },
        { "keys/a+b=c/é 漢字.csv", "keys/a%2Bb%3Dc/%C3%A9+%E6%BC%A2%E5%AD%97.csv" },
        { "keys/odd (1) 100% & more: yes,no.csv", "keys/odd+%281%29+100%25+%26+more%3A+yes%2Cno.csv" },
        { "keys/plain_name-1.2.csv", "keys/plain_name-1.2.csv" },
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task A_put_object_arrives_in_AWS_format_and_decodes_back_to_the_exact_key(string key, string encodedKey)
    {
        var content = $"id,name,amount,date\n1,{key},1.5,2024-01-03\n";
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await emulator.S3.PutObjectAsync(new PutObjectRequest { BucketName = NotificationSetup.Bucket, Key = key, ContentBody = content });
        var after = DateTimeOffset.UtcNow.AddSeconds(1);

        var body = Assert.Single(await ReceiveAsync(NotificationSetup.KeysQueue, 1));

        using var document = JsonDocument.Parse(body);
        var record = Assert.Single(document.RootElement.GetProperty("Records").EnumerateArray().ToList());
        Assert.Equal(RecordMembers, Names(record));
        Assert.Equal("2.1", record.GetProperty("eventVersion").GetString());
        Assert.Equal("aws:s3", record.GetProperty("eventSource").GetString());
        Assert.Equal(SqsS3EmulatorFixture.Region, record.GetProperty("awsRegion").GetString());
        Assert.Equal("ObjectCreated:Put", record.GetProperty("eventName").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", record.GetProperty("eventTime").GetString());
        var s3 = record.GetProperty("s3");
        Assert.Equal(S3Members, Names(s3));
        Assert.Equal("1.0", s3.GetProperty("s3SchemaVersion").GetString());
        Assert.Equal(NotificationSetup.KeysConfigurationId, s3.GetProperty("configurationId").GetString());
        Assert.Equal(NotificationSetup.Bucket, s3.GetProperty("bucket").GetProperty("name").GetString());
        Assert.Equal($"arn:aws:s3:::{NotificationSetup.Bucket}", s3.GetProperty("bucket").GetProperty("arn").GetString());
        var s3Object = s3.GetProperty("object");
        Assert.Equal(["key", "size", "eTag", "sequencer"], Names(s3Object)); // unversioned bucket: no versionId
        Assert.Equal(encodedKey, s3Object.GetProperty("key").GetString());

        // The orchestrator's parser is the consumer that matters: same key, size, ETag, time.
        var parsed = NotificationParser.Parse(body);
        Assert.Equal(NotificationKind.Objects, parsed.Kind);
        var objectEvent = Assert.Single(parsed.Events);
        Assert.Equal(key, objectEvent.Key);
        Assert.Equal(NotificationSetup.Bucket, objectEvent.Bucket);
        Assert.Equal(ObjectChange.Created, objectEvent.Change);
        Assert.Equal(Encoding.UTF8.GetByteCount(content), objectEvent.Size);
        Assert.Equal(Md5Hex(content), objectEvent.ETag);
        Assert.Null(objectEvent.VersionId);
        Assert.InRange(objectEvent.EventTime, before, after);
        Assert.Matches("^[0-9A-F]+$", objectEvent.Sequencer);
    }

    [Fact]
    public async Task Put_overwrite_copy_multipart_and_deletes_name_their_events_and_sequencers_grow_per_key()
    {
        var folder = $"{NotificationSetup.KeysPrefix}{Guid.NewGuid():N}/";
        var key = folder + "a b.csv";
        var copy = folder + "copy=1.csv";
        var multipart = folder + "multi part.csv";
        var bucket = NotificationSetup.Bucket;

        await emulator.S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = "first" });
        await emulator.S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = "second, longer" });
        await emulator.S3.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = bucket, SourceKey = key, DestinationBucket = bucket, DestinationKey = copy,
        });
        var upload = await emulator.S3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = bucket, Key = multipart });
        using var part = new MemoryStream(Encoding.UTF8.GetBytes("only part"));
        var partResponse = await emulator.S3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = bucket, Key = multipart, UploadId = upload.UploadId, PartNumber = 1, InputStream = part,
        });
        await emulator.S3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = bucket, Key = multipart, UploadId = upload.UploadId, PartETags = [new PartETag(1, partResponse.ETag)],
        });
        await emulator.S3.DeleteObjectAsync(bucket, key);
        await emulator.S3.DeleteObjectsAsync(new DeleteObjectsRequest
        {
            BucketName = bucket, Objects = [new KeyVersion { Key = copy }, new KeyVersion { Key = multipart }],
        });

        var events = (await ReceiveAsync(NotificationSetup.KeysQueue, 7)).Select(body => Assert.Single(NotificationParser.Parse(body).Events)).ToList();

        Assert.Equal(
            [
                ("ObjectCreated:Put", key), ("ObjectCreated:Put", key), ("ObjectCreated:Copy", copy),
                ("ObjectCreated:CompleteMultipartUpload", multipart), ("ObjectRemoved:Delete", key),
                ("ObjectRemoved:Delete", copy), ("ObjectRemoved:Delete", multipart),
            ],
            events.Select(e => (e.EventName, e.Key)));
        Assert.Equal([5L, 14L, 14L, 9L], events.Take(4).Select(e => e.Size!.Value));
        Assert.Equal(Md5Hex("second, longer"), events[2].ETag);
        Assert.Matches("^[0-9a-f]{32}-1$", events[3].ETag); // a multipart ETag: MD5 of the parts' MD5s, dash, part count
        Assert.All(events.Skip(4), e => Assert.Null(e.Size)); // removals carry only key and sequencer
        foreach (var sameKey in events.GroupBy(e => e.Key))
        {
            var sequencers = sameKey.Select(e => BigInteger.Parse("0" + e.Sequencer, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(sequencers.Order(), sequencers);
            Assert.Equal(sequencers.Count, sequencers.Distinct().Count());
        }
    }

    [Fact]
    public async Task Prefix_suffix_and_event_type_filters_decide_which_changes_reach_a_queue()
    {
        var folder = $"{NotificationSetup.CsvPrefix}{Guid.NewGuid():N}/";
        var bucket = NotificationSetup.Bucket;
        await emulator.S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = folder + "wanted.csv", ContentBody = "x" });
        await emulator.S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = folder + "unwanted.txt", ContentBody = "x" });
        await emulator.S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "elsewhere/unwanted.csv", ContentBody = "x" });
        await emulator.S3.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = bucket, SourceKey = folder + "wanted.csv", DestinationBucket = bucket, DestinationKey = folder + "copied.csv",
        });
        await emulator.S3.DeleteObjectAsync(bucket, folder + "wanted.csv");

        var events = (await ReceiveAsync(NotificationSetup.CsvQueue, 1)).Select(body => Assert.Single(NotificationParser.Parse(body).Events));

        Assert.Equal([("ObjectCreated:Put", folder + "wanted.csv")], events.Select(e => (e.EventName, e.Key)));
        // Notifications are enqueued before S3 answers the request, so nothing else can still be on its way.
        Assert.Empty(await ReceiveAsync(NotificationSetup.CsvQueue, 0));
    }

    [Fact]
    public async Task Configuring_a_notification_sends_one_s3_TestEvent_to_the_queue()
    {
        var queueUrl = (await emulator.Sqs.GetQueueUrlAsync(NotificationSetup.StartQueue)).QueueUrl;
        var messages = await emulator.DrainAsync(queueUrl);

        var body = Assert.Single(messages).Body;
        using var document = JsonDocument.Parse(body);
        Assert.Equal(["Service", "Event", "Time", "Bucket", "RequestId", "HostId"], Names(document.RootElement));
        Assert.Equal("Amazon S3", document.RootElement.GetProperty("Service").GetString());
        Assert.Equal("s3:TestEvent", document.RootElement.GetProperty("Event").GetString());
        Assert.Equal(NotificationSetup.StartBucket, document.RootElement.GetProperty("Bucket").GetString());
        Assert.Equal(NotificationKind.TestEvent, NotificationParser.Parse(body).Kind);
    }

    /// <summary>
    /// Receives and deletes until <paramref name="count"/> object notifications arrived (the start-up test events on the queue
    /// are dropped), then makes sure no further notification is there. Fails after <see cref="ReceiveTimeout"/>.
    /// </summary>
    private async Task<List<string>> ReceiveAsync(string queue, int count)
    {
        var queueUrl = (await emulator.Sqs.GetQueueUrlAsync(queue)).QueueUrl;
        var bodies = new List<string>();
        using var timeout = new CancellationTokenSource(ReceiveTimeout);
        while (true)
        {
            var waitSeconds = bodies.Count < count ? 1 : 0;
            var response = await emulator.Sqs.ReceiveMessageAsync(
                new ReceiveMessageRequest { QueueUrl = queueUrl, MaxNumberOfMessages = 10, WaitTimeSeconds = waitSeconds }, timeout.Token);
            var messages = response.Messages ?? [];
            foreach (var message in messages)
            {
                await emulator.Sqs.DeleteMessageAsync(queueUrl, message.ReceiptHandle, timeout.Token);
                if (NotificationParser.Parse(message.Body).Kind != NotificationKind.TestEvent)
                {
                    bodies.Add(message.Body);
                }
            }

            if (bodies.Count >= count && messages.Count == 0)
            {
                return bodies;
            }
        }
    }

    private static List<string> Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    private static string Md5Hex(string content) =>
#pragma warning disable CA5351 // S3's ETag of a single-part object is the MD5 of its content; this is not security.
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(content)));
#pragma warning restore CA5351
}
