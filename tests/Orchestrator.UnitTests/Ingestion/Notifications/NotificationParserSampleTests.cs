using Orchestrator.Ingestion.Notifications;
using Orchestrator.Jobs.Objects;

namespace Orchestrator.UnitTests.Ingestion.Notifications;

public sealed class NotificationParserSampleTests
{
    public static TheoryData<string> AllSamples => new(SampleFiles.Names);

    [Theory]
    [MemberData(nameof(AllSamples))]
    public void Every_sample_parses_without_error(string sample)
    {
        ParsedNotification result = NotificationParser.Parse(SampleFiles.Read(sample));

        Assert.Null(result.Error);
        Assert.NotEqual(NotificationKind.Unparseable, result.Kind);
        Assert.NotEqual(NotificationEnvelope.Unknown, result.Envelope);
    }

    [Fact]
    public void Documented_s3_put_gives_every_field()
    {
        ParsedNotification result = NotificationParser.Parse(SampleFiles.Read("s3-put-versioned.json"));

        Assert.Equal(NotificationKind.Objects, result.Kind);
        Assert.Equal(NotificationEnvelope.S3, result.Envelope);
        Assert.Empty(result.IgnoredEventNames);
        ObjectEvent e = Assert.Single(result.Events);
        Assert.Equal(
            new ObjectEvent(
                "amzn-s3-demo-bucket",
                "HappyFace.jpg",
                ObjectChange.Created,
                "ObjectCreated:Put",
                new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero),
                1024,
                "d41d8cd98f00b204e9800998ecf8427e",
                "096fKKXTRTtl3on89fVO.nfljtsv6qko",
                "0055AED6DCD90281E5"),
            e);
    }

    [Fact]
    public void Multi_record_message_keeps_every_record_in_order_and_decodes_keys()
    {
        ParsedNotification result = NotificationParser.Parse(SampleFiles.Read("s3-multi-record.json"));

        Assert.Equal(NotificationKind.Objects, result.Kind);
        Assert.Collection(
            result.Events,
            e =>
            {
                Assert.Equal("raw/sales/year=2024/month=01/day=15/sales report + tax.csv", e.Key);
                Assert.Equal(ObjectChange.Created, e.Change);
                Assert.Equal("ObjectCreated:CompleteMultipartUpload", e.EventName);
                Assert.Equal(52428800, e.Size);
                Assert.Equal("9b2cf535f27731c974343645a3985328-10", e.ETag);
                Assert.Null(e.VersionId);
                Assert.Equal(new DateTimeOffset(2024, 1, 15, 10, 20, 30, 123, TimeSpan.Zero), e.EventTime);
            },
            e =>
            {
                Assert.Equal("raw/tags/label=key=value/part-00000.json", e.Key);
                Assert.Null(e.VersionId);
            },
            e =>
            {
                Assert.Equal("raw/sales/year=2024/month=01/day=14/old file.csv", e.Key);
                Assert.Equal(ObjectChange.Removed, e.Change);
                Assert.Null(e.Size);
                Assert.Null(e.ETag);
                Assert.Equal("0065A4F2E1000000AA", e.Sequencer);
            });
        Assert.All(result.Events, e => Assert.Equal("sales-raw", e.Bucket));
    }

    [Fact]
    public void Percent_encoded_utf8_key_is_decoded_to_unicode()
    {
        ObjectEvent e = Assert.Single(NotificationParser.Parse(SampleFiles.Read("s3-unicode-key.json")).Events);

        Assert.Equal("raw/café/日本語/résumé 📄.txt", e.Key);
        Assert.Equal("ObjectCreated:Post", e.EventName);
    }

    [Fact]
    public void Versioned_removals_and_lifecycle_expirations_are_removals()
    {
        ParsedNotification result = NotificationParser.Parse(SampleFiles.Read("s3-removals-versioned.json"));

        Assert.Equal(
            ["ObjectRemoved:DeleteMarkerCreated", "LifecycleExpiration:Delete", "LifecycleExpiration:DeleteMarkerCreated"],
            result.Events.Select(e => e.EventName));
        Assert.All(result.Events, e => Assert.Equal(ObjectChange.Removed, e.Change));
        Assert.Equal(["ydlaNkwWm0SfKJR.T1b1fIdPRbldTYRI", null, "Zm9vYmFyLnZlcnNpb24uaWQ"], result.Events.Select(e => e.VersionId));
    }

    [Fact]
    public void Other_event_types_are_reported_as_ignored_names()
    {
        ParsedNotification result = NotificationParser.Parse(SampleFiles.Read("s3-ignored-events.json"));

        Assert.Equal(NotificationKind.Objects, result.Kind);
        Assert.Equal(
            ["ObjectRestore:Completed", "ObjectTagging:Put", "LifecycleTransition", "IntelligentTiering", "ObjectAcl:Put",
             "Replication:OperationFailedReplication"],
            result.IgnoredEventNames);
        ObjectEvent copy = Assert.Single(result.Events);
        Assert.Equal("ObjectCreated:Copy", copy.EventName);
        Assert.Equal("raw/cold/2025.csv", copy.Key);
    }

    [Theory]
    [InlineData("s3-test-event.json", false)]
    [InlineData("sns-test-event.json", true)]
    public void Test_events_are_recognised_direct_and_through_sns(string sample, bool viaSns)
    {
        NotificationEnvelope envelope = viaSns ? NotificationEnvelope.Sns : NotificationEnvelope.S3;
        ParsedNotification result = NotificationParser.Parse(SampleFiles.Read(sample));

        Assert.Equal(NotificationKind.TestEvent, result.Kind);
        Assert.Equal(envelope, result.Envelope);
        Assert.Empty(result.Events);
    }

    [Fact]
    public void Sns_wrapped_notification_is_unwrapped()
    {
        ParsedNotification result = NotificationParser.Parse(SampleFiles.Read("sns-s3-put.json"));

        Assert.Equal(NotificationEnvelope.Sns, result.Envelope);
        ObjectEvent e = Assert.Single(result.Events);
        Assert.Equal("raw/sales/year=2024/month=01/day=15/q1 (draft).csv", e.Key);
        Assert.Equal("1f3870be274f6c49b3e31a0c6728957f", e.ETag);
        Assert.Equal(ObjectChange.Created, e.Change);
    }

    [Fact]
    public void EventBridge_object_created_gives_every_field()
    {
        ParsedNotification result = NotificationParser.Parse(SampleFiles.Read("eventbridge-object-created.json"));

        Assert.Equal(NotificationEnvelope.EventBridge, result.Envelope);
        Assert.Equal(
            new ObjectEvent(
                "amzn-s3-demo-bucket1",
                "example-key",
                ObjectChange.Created,
                "ObjectCreated:PutObject",
                new DateTimeOffset(2021, 11, 12, 0, 0, 0, TimeSpan.Zero),
                5,
                "b1946ac92492d2347c6235b4d2611184",
                "IYV3p45BT0ac8hjHg1houSdS1a.Mro8e",
                "617f08299329d189"),
            Assert.Single(result.Events));
    }

    [Theory]
    [InlineData("eventbridge-object-deleted.json", "ObjectRemoved:DeleteObject", "1QW9g1Z99LUNbvaaYVpW9xDlOLU.qxgF")]
    [InlineData("eventbridge-lifecycle-expiration.json", "ObjectRemoved:Lifecycle Expiration", null)]
    public void EventBridge_object_deleted_is_a_removal(string sample, string eventName, string? versionId)
    {
        ObjectEvent e = Assert.Single(NotificationParser.Parse(SampleFiles.Read(sample)).Events);

        Assert.Equal(ObjectChange.Removed, e.Change);
        Assert.Equal(eventName, e.EventName);
        Assert.Equal(versionId, e.VersionId);
        Assert.Null(e.Size);
    }

    [Fact]
    public void EventBridge_key_is_taken_literally_not_url_decoded()
    {
        ObjectEvent e = Assert.Single(NotificationParser.Parse(SampleFiles.Read("eventbridge-literal-key.json")).Events);

        Assert.Equal("raw/sales/year=2024/month=05/day=05/a+b%20c é.csv", e.Key);
        Assert.Equal("ObjectCreated:CopyObject", e.EventName);
    }

    [Fact]
    public void EventBridge_other_detail_types_are_ignored_by_name()
    {
        ParsedNotification result = NotificationParser.Parse(SampleFiles.Read("eventbridge-object-restore-completed.json"));

        Assert.Equal(NotificationKind.Objects, result.Kind);
        Assert.Empty(result.Events);
        Assert.Equal(["Object Restore Completed"], result.IgnoredEventNames);
    }

    [Fact]
    public void EventBridge_event_inside_sns_is_read_with_sns_envelope()
    {
        string body = SampleFiles.Mutate("sns-s3-put.json", root => root["Message"] = SampleFiles.Read("eventbridge-object-created.json"));

        ParsedNotification result = NotificationParser.Parse(body);

        Assert.Equal(NotificationEnvelope.Sns, result.Envelope);
        Assert.Equal("example-key", Assert.Single(result.Events).Key);
    }
}
