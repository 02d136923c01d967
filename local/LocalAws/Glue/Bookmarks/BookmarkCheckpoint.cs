namespace LocalAws.Glue.Bookmarks;

/// <summary>What one successful bookmarked run processed: the S3 objects (s3:// URIs) are the unit Glue tracks for S3 sources.</summary>
internal sealed record BookmarkCheckpoint(string RunId, IReadOnlySet<string> Objects);
