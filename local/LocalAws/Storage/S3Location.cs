namespace LocalAws.Storage;

/// <summary>An <c>s3://bucket/key-or-prefix</c> location as Glue and Athena store them.</summary>
internal readonly record struct S3Location(string Bucket, string Key)
{
    public static bool TryParse(string? uri, out S3Location location)
    {
        location = default;
        if (uri is null)
        {
            return false;
        }

        var rest = uri.StartsWith("s3://", StringComparison.OrdinalIgnoreCase) ? uri[5..]
            : uri.StartsWith("s3a://", StringComparison.OrdinalIgnoreCase) ? uri[6..]
            : null;
        if (string.IsNullOrEmpty(rest))
        {
            return false;
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        location = slash < 0 ? new S3Location(rest, string.Empty) : new S3Location(rest[..slash], rest[(slash + 1)..]);
        return location.Bucket.Length > 0;
    }

    /// <summary>The key as a folder prefix (ends with '/', or empty for the bucket root).</summary>
    public string Prefix => Key.Length == 0 || Key.EndsWith('/') ? Key : Key + "/";

    public S3Location Child(string relative) => new(Bucket, Prefix + relative);

    public override string ToString() => $"s3://{Bucket}/{Key}";
}
