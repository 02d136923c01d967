using System.Text.Json;

namespace Orchestrator.IntegrationTests.Infrastructure;

/// <summary>
/// The S3 bucket notifications every <see cref="SqsS3EmulatorFixture"/> starts with. fauxqs has no
/// PutBucketNotificationConfiguration, so the emulator reads them at start (<c>--notifications</c>) and the buckets and queues
/// they name are created by its <c>--init</c> file. Only the notification tests use these names.
/// </summary>
public static class NotificationSetup
{
    /// <summary>Bucket with two configurations: everything under <see cref="KeysPrefix"/>, and Put of <c>.csv</c> under <see cref="CsvPrefix"/>.</summary>
    public const string Bucket = "it-notifications";

    /// <summary>Receives ObjectCreated:* and ObjectRemoved:* for keys under <see cref="KeysPrefix"/> (configuration <see cref="KeysConfigurationId"/>).</summary>
    public const string KeysQueue = "it-notifications-keys";

    /// <summary>Receives only ObjectCreated:Put of keys under <see cref="CsvPrefix"/> ending in <c>.csv</c>.</summary>
    public const string CsvQueue = "it-notifications-csv";

    /// <summary>Bucket whose only purpose is the s3:TestEvent sent to <see cref="StartQueue"/> at start.</summary>
    public const string StartBucket = "it-notifications-start";

    /// <summary>Queue that receives nothing but the start-up s3:TestEvent of <see cref="StartBucket"/>.</summary>
    public const string StartQueue = "it-notifications-start";

    public const string KeysPrefix = "keys/";
    public const string CsvPrefix = "filtered/";
    public const string KeysConfigurationId = "all-keys";

    /// <summary>Writes the <c>--init</c> and <c>--notifications</c> files into <paramref name="folder"/> and returns their paths.</summary>
    public static (string Init, string Notifications) WriteFiles(string folder)
    {
        var init = new
        {
            queues = new[] { new { name = KeysQueue }, new { name = CsvQueue }, new { name = StartQueue } },
            buckets = new[] { Bucket, StartBucket },
        };
        var notifications = new Dictionary<string, object>
        {
            [Bucket] = new
            {
                QueueConfigurations = new object[]
                {
                    new
                    {
                        Id = KeysConfigurationId,
                        QueueArn = Arn(KeysQueue),
                        Events = new[] { "s3:ObjectCreated:*", "s3:ObjectRemoved:*" },
                        Filter = new { Key = new { FilterRules = new[] { new { Name = "prefix", Value = KeysPrefix } } } },
                    },
                    new
                    {
                        Id = "csv-put",
                        QueueArn = Arn(CsvQueue),
                        Events = new[] { "s3:ObjectCreated:Put" },
                        Filter = new
                        {
                            Key = new
                            {
                                FilterRules = new[] { new { Name = "prefix", Value = CsvPrefix }, new { Name = "suffix", Value = ".csv" } },
                            },
                        },
                    },
                },
            },
            [StartBucket] = new
            {
                QueueConfigurations = new[] { new { Id = "start", QueueArn = Arn(StartQueue), Events = new[] { "s3:ObjectCreated:*" } } },
            },
        };

        var initPath = Path.Combine(folder, "init.json");
        var notificationsPath = Path.Combine(folder, "notifications.json");
        File.WriteAllText(initPath, JsonSerializer.Serialize(init));
        File.WriteAllText(notificationsPath, JsonSerializer.Serialize(notifications));
        return (initPath, notificationsPath);
    }

    private static string Arn(string queue) => $"arn:aws:sqs:{SqsS3EmulatorFixture.Region}:000000000000:{queue}";
}
