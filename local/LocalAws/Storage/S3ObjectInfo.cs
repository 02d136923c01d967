namespace LocalAws.Storage;

/// <summary>One listed object.</summary>
internal sealed record S3ObjectInfo(string Bucket, string Key, long Size)
{
    public string Uri => $"s3://{Bucket}/{Key}";
}
