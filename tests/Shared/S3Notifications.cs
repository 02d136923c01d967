using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Orchestrator.Testing;

/// <summary>
/// Builds S3 event notifications in AWS's exact format (eventVersion 2.1, URL-encoded keys as S3 sends them), for tests and
/// benchmarks. https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
/// </summary>
public static class S3Notifications
{
    /// <summary>One ObjectCreated:Put record for each key, in one notification.</summary>
    public static string Created(string bucket, IEnumerable<string> keys, long size = 1024, string? sequencer = null, DateTimeOffset? time = null)
    {
        var records = keys.Select((key, i) => Record("ObjectCreated:Put", bucket, key, size, sequencer ?? Sequencer(i), time ?? DateTimeOffset.UtcNow));
        return JsonSerializer.Serialize(new { Records = records });
    }

    /// <summary>One ObjectCreated:Put notification for one key.</summary>
    public static string Created(string bucket, string key, string sequencer, long size = 1024) =>
        Created(bucket, [key], size, sequencer);

    /// <summary>A sequencer that grows with <paramref name="n"/>, shaped like S3's (hex, 18 characters).</summary>
    public static string Sequencer(long n) => (0x0055AED6DCD90281E5L + n).ToString("X18", CultureInfo.InvariantCulture);

    /// <summary>S3's key encoding in notifications: application/x-www-form-urlencoded (space is '+', UTF-8 bytes as %XX).</summary>
    public static string EncodeKey(string key)
    {
        var builder = new StringBuilder();
        foreach (byte b in Encoding.UTF8.GetBytes(key))
        {
            char c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '*' or '/')
            {
                builder.Append(c);
            }
            else if (c == ' ')
            {
                builder.Append('+');
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static Dictionary<string, object> Record(string eventName, string bucket, string key, long size, string sequencer, DateTimeOffset time) => new Dictionary<string, object>
    {
        ["eventVersion"] = "2.1",
        ["eventSource"] = "aws:s3",
        ["awsRegion"] = "us-east-1",
        ["eventTime"] = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["eventName"] = eventName,
        ["userIdentity"] = new { principalId = "AWS:AIDAEXAMPLE" },
        ["requestParameters"] = new { sourceIPAddress = "127.0.0.1" },
        ["responseElements"] = new Dictionary<string, string> { ["x-amz-request-id"] = "C3D13FE58DE4C810", ["x-amz-id-2"] = "FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD" },
        ["s3"] = new Dictionary<string, object>
        {
            ["s3SchemaVersion"] = "1.0",
            ["configurationId"] = "orchestrator",
            ["bucket"] = new { name = bucket, ownerIdentity = new { principalId = "A3NL1KOZZKExample" }, arn = "arn:aws:s3:::" + bucket },
            ["object"] = new { key = EncodeKey(key), size, eTag = "d41d8cd98f00b204e9800998ecf8427e", sequencer },
        },
    };
}
