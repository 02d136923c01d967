using System.Text.Json.Nodes;
using Orchestrator.Ingestion.Notifications;

namespace Orchestrator.UnitTests.Ingestion.Notifications;

public sealed class NotificationParserMalformedTests
{
    private const string Put = "s3-put-versioned.json";

    public static TheoryData<string, string> BrokenBodies => new()
    {
        { "", "body is empty" },
        { "   ", "body is empty" },
        { "hello", "body is not valid JSON" },
        { "{\"Records\":[", "body is not valid JSON" },
        { "[]", "body is an array, expected an object" },
        { "42", "body is a number, expected an object" },
        { "{}", "unrecognised shape" },
        { "{\"hello\":\"world\"}", "unrecognised shape" },
        { "{\"Records\":[]}", "Records is empty" },
        { "{\"Records\":{}}", "Records is an object, expected an array" },
        { "{\"Records\":null}", "Records is null, expected an array" },
        { "{\"Records\":[\"x\"]}", "Records[0] is a string, expected an object" },
        { "{\"Event\":\"s3:SomethingElse\"}", "Event is not s3:TestEvent" },
        { "{\"Records\":[],\"Records\":[]}", "body is not valid JSON" },
        { "{\"Rec\\ud800\":[]}", "body is not valid JSON" },
        { string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100), "body is not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(BrokenBodies))]
    public void Broken_bodies_are_unparseable_with_a_reason(string body, string error) =>
        AssertUnparseable(NotificationParser.Parse(body), error);

    public static TheoryData<string, string> BrokenRecords => new()
    {
        { "remove key", "Records[0].s3.object.key is missing" },
        { "remove bucket name", "Records[0].s3.bucket.name is missing" },
        { "remove eventTime", "Records[0].eventTime is missing" },
        { "remove eventName", "Records[0].eventName is missing" },
        { "remove s3", "Records[0].s3 is missing" },
        { "eventTime yesterday", "Records[0].eventTime is not an ISO-8601 time" },
        { "eventVersion 1.0", "Records[0].eventVersion is not 2.x" },
        { "size as string", "Records[0].s3.object.size is a string, expected a number" },
        { "negative size", "Records[0].s3.object.size is not a non-negative integer" },
        { "fractional size", "Records[0].s3.object.size is not a non-negative integer" },
        { "key as number", "Records[0].s3.object.key is a number, expected a string" },
        { "object as array", "Records[0].s3.object is an array, expected an object" },
        { "versionId as number", "Records[0].s3.object.versionId is a number, expected a string" },
        { "sequencer not hex", "Records[0].s3.object.sequencer is not a hexadecimal sequencer" },
        { "empty key", "Records[0].s3.object.key is empty" },
        { "truncated escape", "Records[0].s3.object.key has a malformed %-escape at offset 4" },
        { "non-hex escape", "Records[0].s3.object.key has a malformed %-escape at offset 1" },
        { "escape of invalid utf-8", "Records[0].s3.object.key has %-escapes that are not valid UTF-8" },
        { "escaped surrogate", "Records[0].s3.object.key has %-escapes that are not valid UTF-8" },
        { "key over 1024 bytes", "Records[0].s3.object.key is longer than S3's 1024-byte key limit" },
        { "encoded key over 1024 bytes", "Records[0].s3.object.key is longer than S3's 1024-byte key limit" },
    };

    [Theory]
    [MemberData(nameof(BrokenRecords))]
    public void A_malformed_record_makes_the_message_unparseable(string change, string error)
    {
        string body = SampleFiles.Mutate(Put, root => Break(root["Records"]![0]!, change));

        ParsedNotification result = NotificationParser.Parse(body);

        AssertUnparseable(result, error);
        Assert.Equal(NotificationEnvelope.S3, result.Envelope);
    }

    [Fact]
    public void One_bad_record_among_good_ones_spoils_the_whole_message()
    {
        string body = SampleFiles.Mutate("s3-multi-record.json", root => Break(root["Records"]![2]!, "remove key"));

        AssertUnparseable(NotificationParser.Parse(body), "Records[2].s3.object.key is missing");
    }

    [Fact]
    public void A_malformed_ignored_record_also_spoils_the_message()
    {
        string body = SampleFiles.Mutate("s3-ignored-events.json", root => Break(root["Records"]![1]!, "remove bucket name"));

        AssertUnparseable(NotificationParser.Parse(body), "Records[1].s3.bucket.name is missing");
    }

    [Fact]
    public void A_key_of_exactly_1024_bytes_is_accepted()
    {
        string key = string.Concat(Enumerable.Repeat("%C3%A9", 512));
        string body = SampleFiles.Mutate(Put, root => root["Records"]![0]!["s3"]!["object"]!["key"] = key);

        ParsedNotification result = NotificationParser.Parse(body);

        Assert.Equal(new string('é', 512), Assert.Single(result.Events).Key);
    }

    [Fact]
    public void A_lone_surrogate_escape_in_a_key_is_not_text()
    {
        string body = SampleFiles.Read(Put).Replace("HappyFace.jpg", "Happy\\ud800Face.jpg", StringComparison.Ordinal);

        AssertUnparseable(NotificationParser.Parse(body), "Records[0].s3.object.key is not valid Unicode");
    }

    [Theory]
    [InlineData("Type", "SubscriptionConfirmation", "SNS Type is not Notification")]
    [InlineData("Message", null, "Message is missing")]
    [InlineData("Message", "", "Message is empty")]
    [InlineData("Message", "not json", "Message is not valid JSON")]
    [InlineData("Message", "[1]", "Message is an array, expected an object")]
    [InlineData("Message", "{\"Records\":[]}", "Message: Records is empty")]
    public void Broken_sns_envelopes_are_unparseable(string field, string? value, string error)
    {
        string body = SampleFiles.Mutate("sns-s3-put.json", root => root[field] = value);

        ParsedNotification result = NotificationParser.Parse(body);

        AssertUnparseable(result, error);
        Assert.Equal(NotificationEnvelope.Sns, result.Envelope);
    }

    [Fact]
    public void A_malformed_record_inside_sns_names_its_path()
    {
        string inner = SampleFiles.Mutate(Put, root => Break(root["Records"]![0]!, "remove key"));
        string body = SampleFiles.Mutate("sns-s3-put.json", root => root["Message"] = inner);

        AssertUnparseable(NotificationParser.Parse(body), "Message: Records[0].s3.object.key is missing");
    }

    [Fact]
    public void Sns_inside_sns_is_refused()
    {
        string body = SampleFiles.Mutate("sns-s3-put.json", root => root["Message"] = SampleFiles.Read("sns-s3-put.json"));

        AssertUnparseable(NotificationParser.Parse(body), "Message is itself an SNS envelope");
    }

    [Theory]
    [InlineData("source", "aws.ec2", "source is not aws.s3")]
    [InlineData("time", "noon", "time is not an ISO-8601 time")]
    [InlineData("detail", null, "detail is missing")]
    [InlineData("detail-type", "", "detail-type is empty")]
    public void Broken_eventbridge_events_are_unparseable(string field, string? value, string error)
    {
        string body = SampleFiles.Mutate("eventbridge-object-created.json", root => root[field] = value);

        ParsedNotification result = NotificationParser.Parse(body);

        AssertUnparseable(result, error);
        Assert.Equal(NotificationEnvelope.EventBridge, result.Envelope);
    }

    [Theory]
    [InlineData("key", null, "detail.object.key is missing")]
    [InlineData("size", "5", "detail.object.size is a string, expected a number")]
    [InlineData("sequencer", "not-hex", "detail.object.sequencer is not a hexadecimal sequencer")]
    public void Broken_eventbridge_objects_are_unparseable(string field, string? value, string error)
    {
        string body = SampleFiles.Mutate("eventbridge-object-created.json", root => root["detail"]!["object"]![field] = value);

        AssertUnparseable(NotificationParser.Parse(body), error);
    }

    [Fact]
    public void EventBridge_key_over_1024_bytes_is_unparseable()
    {
        string body = SampleFiles.Mutate(
            "eventbridge-object-created.json", root => root["detail"]!["object"]!["key"] = new string('k', 1025));

        AssertUnparseable(NotificationParser.Parse(body), "detail.object.key is longer than S3's 1024-byte key limit");
    }

    private static void AssertUnparseable(ParsedNotification result, string error)
    {
        Assert.Equal(NotificationKind.Unparseable, result.Kind);
        Assert.NotNull(result.Error);
        Assert.StartsWith(error, result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Events);
        Assert.Empty(result.IgnoredEventNames);
    }

    private static void Break(JsonNode record, string change)
    {
        JsonObject s3 = record["s3"]!.AsObject();
        JsonObject obj = s3["object"]!.AsObject();
        switch (change)
        {
            case "remove key": obj.Remove("key"); break;
            case "remove bucket name": s3["bucket"]!.AsObject().Remove("name"); break;
            case "remove eventTime": record.AsObject().Remove("eventTime"); break;
            case "remove eventName": record.AsObject().Remove("eventName"); break;
            case "remove s3": record.AsObject().Remove("s3"); break;
            case "eventTime yesterday": record["eventTime"] = "yesterday"; break;
            case "eventVersion 1.0": record["eventVersion"] = "1.0"; break;
            case "size as string": obj["size"] = "1024"; break;
            case "negative size": obj["size"] = -1; break;
            case "fractional size": obj["size"] = 1.5; break;
            case "key as number": obj["key"] = 42; break;
            case "object as array": s3["object"] = new JsonArray(); break;
            case "versionId as number": obj["versionId"] = 7; break;
            case "sequencer not hex": obj["sequencer"] = "0055AED6DCD9028XYZ"; break;
            case "empty key": obj["key"] = ""; break;
            case "truncated escape": obj["key"] = "abcd%4"; break;
            case "non-hex escape": obj["key"] = "a%zz"; break;
            case "escape of invalid utf-8": obj["key"] = "%C3%28"; break;
            case "escaped surrogate": obj["key"] = "%ED%A0%80"; break;
            case "key over 1024 bytes": obj["key"] = new string('a', 1025); break;
            case "encoded key over 1024 bytes": obj["key"] = string.Concat(Enumerable.Repeat("%C3%A9", 513)); break;
            default: throw new ArgumentOutOfRangeException(nameof(change), change, "unknown change");
        }
    }
}
