namespace LocalAws.Glue.Bookmarks;

/// <summary>The <c>--job-bookmark-option</c> special parameter; Glue's default is disable.</summary>
internal enum BookmarkOption
{
    Disable,
    Enable,
    Pause,
}
