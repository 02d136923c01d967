using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using LocalAws.Hosting;

namespace LocalAws.Storage;

/// <summary>
/// The S3 side of the emulator (fauxqs locally): listing, downloading into temp folders for DuckDB, uploading results.
/// DuckDB's httpfs extension cannot be installed offline, so objects always go through local files.
/// </summary>
internal sealed class S3Storage : IDisposable
{
    private readonly AmazonS3Client? _client;

    public S3Storage(LocalAwsOptions options)
    {
        if (options.S3Endpoint is { } endpoint)
        {
            _client = new AmazonS3Client(new BasicAWSCredentials("local", "local"), new AmazonS3Config
            {
                ServiceURL = endpoint.AbsoluteUri,
                AuthenticationRegion = options.Region,
                // No wildcard DNS for virtual-hosted buckets on 127.0.0.1.
                ForcePathStyle = true,
                // Emulators do not all understand aws-chunked bodies with checksum trailers.
                RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
                ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            });
        }
    }

    private AmazonS3Client Client => _client
        ?? throw new InvalidOperationException("No S3 endpoint: start LocalAws with --s3-endpoint URL or set AWS_ENDPOINT_URL_S3.");

    public async Task<IReadOnlyList<S3ObjectInfo>> ListAsync(S3Location prefix, CancellationToken cancellationToken)
    {
        var objects = new List<S3ObjectInfo>();
        var request = new ListObjectsV2Request { BucketName = prefix.Bucket, Prefix = prefix.Prefix };
        ListObjectsV2Response response;
        do
        {
            try
            {
                response = await Client.ListObjectsV2Async(request, cancellationToken);
            }
            catch (AmazonS3Exception error) when (error.ErrorCode == "NoSuchBucket")
            {
                return objects;
            }

            foreach (var item in response.S3Objects ?? [])
            {
                // Folder markers are not data (Hive and the console both create them).
                if (!item.Key.EndsWith('/') && !item.Key.EndsWith("_$folder$", StringComparison.Ordinal))
                {
                    objects.Add(new S3ObjectInfo(prefix.Bucket, item.Key, item.Size ?? 0));
                }
            }

            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);

        return objects;
    }

    public async Task DownloadAsync(S3ObjectInfo item, string localPath, CancellationToken cancellationToken)
    {
        using var response = await Client.GetObjectAsync(item.Bucket, item.Key, cancellationToken);
        await using var file = File.Create(localPath);
        await response.ResponseStream.CopyToAsync(file, cancellationToken);
    }

    public Task UploadFileAsync(S3Location target, string localPath, CancellationToken cancellationToken) =>
        Client.PutObjectAsync(new PutObjectRequest { BucketName = target.Bucket, Key = target.Key, FilePath = localPath }, cancellationToken);

    public Task PutTextAsync(S3Location target, string content, string contentType, CancellationToken cancellationToken) =>
        Client.PutObjectAsync(
            new PutObjectRequest { BucketName = target.Bucket, Key = target.Key, ContentBody = content, ContentType = contentType },
            cancellationToken);

    public void Dispose() => _client?.Dispose();
}
