using System.Text.Json;
using System.Text.Json.Nodes;

namespace LocalAws.Glue.Bookmarks;

/// <summary>One job's bookmark: the checkpoints of its successful bookmarked runs, oldest first.</summary>
internal sealed class JobBookmarkState(string jobName)
{
    public string JobName { get; } = jobName;

    public int Version { get; set; }

    public int Run { get; set; }

    public int Attempt { get; set; }

    public string? RunId { get; set; }

    public string? PreviousRunId { get; set; }

    public List<BookmarkCheckpoint> Checkpoints { get; } = [];

    /// <summary>Objects processed by the runs up to and including <paramref name="runId"/>; null when that run is not in the bookmark.</summary>
    public HashSet<string>? SeenUpTo(string? runId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var checkpoint in Checkpoints)
        {
            seen.UnionWith(checkpoint.Objects);
            if (runId is not null && checkpoint.RunId == runId)
            {
                return seen;
            }
        }

        return runId is null ? seen : null;
    }

    public JsonObject ToEntry()
    {
        // The JobBookmark string is opaque to clients; this one lists the objects each run processed.
        var bookmark = new JsonObject
        {
            ["jobName"] = JobName,
            ["version"] = Version,
            ["run"] = Run,
            ["attempt"] = Attempt,
            ["checkpoints"] = new JsonArray([.. Checkpoints.Select(c => new JsonObject
            {
                ["runId"] = c.RunId,
                ["objects"] = new JsonArray([.. c.Objects.Order(StringComparer.Ordinal).Select(o => JsonValue.Create(o))]),
            })]),
        };
        var entry = new JsonObject
        {
            ["JobName"] = JobName,
            ["Version"] = Version,
            ["Run"] = Run,
            ["Attempt"] = Attempt,
            ["JobBookmark"] = bookmark.ToJsonString(new JsonSerializerOptions { WriteIndented = false }),
        };
        if (RunId is not null)
        {
            entry["RunId"] = RunId;
        }

        if (PreviousRunId is not null)
        {
            entry["PreviousRunId"] = PreviousRunId;
        }

        return entry;
    }
}
