namespace LocalAws.Hosting;

/// <summary>Command-line settings of the emulator.</summary>
internal sealed record LocalAwsOptions
{
    public const int DefaultPort = 4567;

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one (printed as <c>READY &lt;port&gt;</c>).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Optional seed file applied at start (see README.md).</summary>
    public string? SeedFile { get; init; }

    /// <summary>The S3 endpoint (fauxqs locally); from --s3-endpoint or AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL.</summary>
    public Uri? S3Endpoint { get; init; }

    /// <summary>Result location of the <c>primary</c> workgroup, so queries can omit ResultConfiguration.</summary>
    public string? AthenaOutputLocation { get; init; }

    public string Region { get; init; } = "us-east-1";

    /// <summary>How long a query stays QUEUED before it runs; real Athena queues briefly too, and clients poll through it.</summary>
    public TimeSpan QueryQueueTime { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a started crawler stays RUNNING (it crawls nothing; AWS takes a minute or more).</summary>
    public TimeSpan CrawlerRunTime { get; init; } = TimeSpan.FromSeconds(1);
}
