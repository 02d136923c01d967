using System.Text.Json.Nodes;
using LocalAws.Glue.Jobs;
using LocalAws.Wire;

namespace LocalAws.Glue.Bookmarks;

/// <summary>GetJobBookmark, ResetJobBookmark.</summary>
internal sealed class BookmarkOperations(JobBookmarkStore bookmarks, JobStore jobs) : IOperationGroup
{
    public void Register(OperationTable table)
    {
        table.Add(AwsService.Glue, "GetJobBookmark", GetJobBookmark);
        table.Add(AwsService.Glue, "ResetJobBookmark", ResetJobBookmark);
    }

    private JsonObject GetJobBookmark(JsonObject request)
    {
        var jobName = request.RequiredString("JobName");
        jobs.Get(jobName);
        return new JsonObject { ["JobBookmarkEntry"] = bookmarks.GetEntry(jobName) };
    }

    private JsonObject ResetJobBookmark(JsonObject request)
    {
        var jobName = request.RequiredString("JobName");
        jobs.Get(jobName);
        return new JsonObject { ["JobBookmarkEntry"] = bookmarks.Reset(jobName, request.OptionalString("RunId")) };
    }
}
