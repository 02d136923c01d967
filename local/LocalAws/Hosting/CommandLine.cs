using System.Globalization;

namespace LocalAws.Hosting;

/// <summary>Parses <c>--port N --seed FILE --s3-endpoint URL --athena-output s3://… --region R --athena-queue-seconds S</c>.</summary>
internal static class CommandLine
{
    public const string Usage =
        "usage: LocalAws [--port N] [--seed seed.json] [--s3-endpoint URL] [--athena-output s3://bucket/prefix/] [--region R] [--athena-queue-seconds S]";

    public static LocalAwsOptions Parse(IReadOnlyList<string> args)
    {
        var endpoint = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_S3") ?? Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL");
        var options = new LocalAwsOptions { S3Endpoint = endpoint is { Length: > 0 } ? new Uri(endpoint) : null };
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value. {Usage}");
            options = args[i] switch
            {
                "--port" => options with { Port = ParsePort(value) },
                "--seed" => options with { SeedFile = value },
                "--s3-endpoint" => options with { S3Endpoint = new Uri(value) },
                "--athena-output" => options with { AthenaOutputLocation = value },
                "--region" => options with { Region = value },
                "--athena-queue-seconds" => options with { QueryQueueTime = ParseSeconds(value) },
                _ => throw new ArgumentException($"Unknown argument {args[i]}. {Usage}"),
            };
            i++;
        }

        return options;
    }

    // A long queue time lets a client stop a query before it runs (StopQueryExecution tests) without racing the clock.
    private static TimeSpan ParseSeconds(string value) =>
        double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds <= 3600
            ? TimeSpan.FromSeconds(seconds)
            : throw new ArgumentException($"--athena-queue-seconds must be 0..3600, got '{value}'. {Usage}");

    private static int ParsePort(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
            ? port
            : throw new ArgumentException($"--port must be 0..65535, got '{value}'. {Usage}");
}
