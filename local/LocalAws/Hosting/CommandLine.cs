using System.Globalization;

namespace LocalAws.Hosting;

/// <summary>Parses <c>--port N --seed FILE --s3-endpoint URL --athena-output s3://… --region R</c>.</summary>
internal static class CommandLine
{
    public const string Usage =
        "usage: LocalAws [--port N] [--seed seed.json] [--s3-endpoint URL] [--athena-output s3://bucket/prefix/] [--region R]";

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
                _ => throw new ArgumentException($"Unknown argument {args[i]}. {Usage}"),
            };
            i++;
        }

        return options;
    }

    private static int ParsePort(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
            ? port
            : throw new ArgumentException($"--port must be 0..65535, got '{value}'. {Usage}");
}
