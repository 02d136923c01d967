using LocalAws.Glue.Bookmarks;

namespace LocalAws.Glue.Jobs;

/// <summary>What a local job script gets: its run, the effective arguments and the objects its bookmark lets it read.</summary>
internal sealed record LocalJobContext(JobRun Run, IReadOnlyDictionary<string, string> Arguments, BookmarkSelection Selection);
