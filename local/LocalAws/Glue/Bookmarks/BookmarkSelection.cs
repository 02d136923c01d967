namespace LocalAws.Glue.Bookmarks;

/// <summary>Which objects a run may read: all, all but <see cref="Exclude"/>, or only <see cref="IncludeOnly"/> (a pause window).</summary>
internal sealed record BookmarkSelection(IReadOnlySet<string>? Exclude, IReadOnlySet<string>? IncludeOnly)
{
    public static BookmarkSelection Everything { get; } = new(null, null);

    public bool Allows(string objectUri) =>
        (IncludeOnly is null || IncludeOnly.Contains(objectUri)) && (Exclude is null || !Exclude.Contains(objectUri));
}
