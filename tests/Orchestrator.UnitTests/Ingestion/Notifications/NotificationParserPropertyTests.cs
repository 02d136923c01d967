using System.Text;
using CsCheck;
using Orchestrator.Ingestion.Notifications;

namespace Orchestrator.UnitTests.Ingestion.Notifications;

public sealed class NotificationParserPropertyTests
{
    // Code points across every UTF-8 length, weighted towards ASCII (including controls) so '+', '%' and space come up often.
    private static readonly Gen<string> UnicodeKey = Gen.Frequency(
            (4, Gen.Int[0x20, 0x7E]),
            (1, Gen.Int[0x00, 0x1F]),
            (2, Gen.Int[0x80, 0xD7FF]),
            (1, Gen.Int[0xE000, 0xFFFF]),
            (1, Gen.Int[0x10000, 0x10FFFF]))
        .Select(codePoint => new Rune(codePoint).ToString())
        .Array[1, 80]
        .Select(string.Concat);

    [Fact]
    public void Any_unicode_key_encoded_as_s3_does_parses_back_to_itself()
    {
        UnicodeKey.Sample(key =>
        {
            string body = SampleFiles.Mutate(
                "s3-put-versioned.json", root => root["Records"]![0]!["s3"]!["object"]!["key"] = S3KeyEncoding.Encode(key));

            ParsedNotification result = NotificationParser.Parse(body);

            Assert.Null(result.Error);
            Assert.Equal(key, Assert.Single(result.Events).Key);
        }, iter: 2_000);
    }

    [Fact]
    public void Any_unicode_key_from_eventbridge_is_taken_as_is()
    {
        UnicodeKey.Sample(key =>
        {
            string body = SampleFiles.Mutate(
                "eventbridge-object-created.json", root => root["detail"]!["object"]!["key"] = key);

            Assert.Equal(key, Assert.Single(NotificationParser.Parse(body).Events).Key);
        }, iter: 1_000);
    }

    [Fact]
    public void Random_text_never_throws_and_is_unparseable_with_an_error()
    {
        Gen.String.Sample(body =>
        {
            ParsedNotification result = NotificationParser.Parse(body);

            AssertConsistent(result);
            Assert.Equal(NotificationKind.Unparseable, result.Kind);
        }, iter: 5_000);
    }

    [Fact]
    public void Corrupted_samples_never_throw()
    {
        var samples = SampleFiles.Names.Select(SampleFiles.Read).ToArray();
        Gen<string> corrupted = Gen.Select(
            Gen.Int[0, samples.Length - 1],
            Gen.Double[0, 1],
            Gen.Int[1, 8],
            Gen.OneOf<string>("", "%", "\\\"", "\"", "{", "}", "[", "]", ",", ":", "null", "-1", "%zz", "\\ud800", "1e999", "é"),
            (sample, at, length, insert) =>
            {
                string text = samples[sample];
                int start = (int)(at * (text.Length - 1));
                return text[..start] + insert + text[Math.Min(text.Length, start + length)..];
            });

        corrupted.Sample(body => AssertConsistent(NotificationParser.Parse(body)), iter: 5_000);
    }

    private static void AssertConsistent(ParsedNotification result)
    {
        if (result.Kind == NotificationKind.Unparseable)
        {
            Assert.False(string.IsNullOrWhiteSpace(result.Error));
            Assert.Empty(result.Events);
        }
        else
        {
            Assert.Null(result.Error);
            Assert.All(result.Events, e => Assert.False(string.IsNullOrEmpty(e.Key)));
        }
    }
}
