using System.Text.Json.Nodes;
using LocalAws.Tests.Infrastructure;

namespace LocalAws.Tests.Jobs;

/// <summary>The local raw_to_curated job: CSV under registered partitions → Parquet under the output table, with bookmarks.</summary>
[Collection(LocalAwsCollectionDefinition.Name)]
public sealed class RawToCuratedTests(LocalAwsFixture fixture)
{
    private const string Header = "id,name,amount,date\n";

    [Fact]
    public async Task Enabled_bookmark_processes_each_object_exactly_once_across_runs()
    {
        var lake = await NewLakeAsync();
        await lake.UploadAsync(2024, 1, "a.csv", "1,a,1.5,2024-01-02\n2,b,2.5,2024-01-03\n");
        await lake.UploadAsync(2024, 2, "b.csv", "3,c,3.5,2024-02-02\n");
        var first = await fixture.RunJobAsync(lake.Job, Bookmark("job-bookmark-enable"));

        await lake.UploadAsync(2024, 2, "c.csv", "4,d,4.5,2024-02-10\n");
        var second = await fixture.RunJobAsync(lake.Job, Bookmark("job-bookmark-enable"));

        Assert.Equal("SUCCEEDED", (string?)first["JobRunState"]);
        Assert.Equal("SUCCEEDED", (string?)second["JobRunState"]);
        Assert.Equal(["1", "2", "3", "4"], await lake.CuratedIdsAsync());
        var bookmark = (await fixture.Aws.GlueAsync("GetJobBookmark", $$"""{"JobName":"{{lake.Job}}"}"""))["JobBookmarkEntry"]!;
        Assert.Equal(2, (int?)bookmark["Run"]);
        Assert.Equal((string?)second["Id"], (string?)bookmark["RunId"]);
        var files = await fixture.ListAsync(LocalAwsFixture.DataBucket, lake.CuratedPrefix + "/");
        Assert.All(files, f => Assert.Matches(@"/year=2024/month=\d+/part-jr_[0-9a-f]+-\d+\.parquet$", f));
    }

    [Fact]
    public async Task Pause_with_a_window_reads_only_that_window_and_leaves_the_bookmark()
    {
        var lake = await NewLakeAsync();
        await lake.UploadAsync(2024, 1, "a.csv", "1,a,1,2024-01-02\n");
        var run1 = await fixture.RunJobAsync(lake.Job, Bookmark("job-bookmark-enable"));
        await lake.UploadAsync(2024, 1, "b.csv", "2,b,2,2024-01-03\n");
        var run2 = await fixture.RunJobAsync(lake.Job, Bookmark("job-bookmark-enable"));
        await lake.UploadAsync(2024, 1, "c.csv", "3,c,3,2024-01-04\n");
        var before = (await fixture.Aws.GlueAsync("GetJobBookmark", $$"""{"JobName":"{{lake.Job}}"}"""))["JobBookmarkEntry"]!;
        await lake.ClearCuratedAsync();

        var paused = await fixture.RunJobAsync(lake.Job, $$"""
            {"--job-bookmark-option":"job-bookmark-pause","--job-bookmark-from":"{{(string)run1["Id"]!}}","--job-bookmark-to":"{{(string)run2["Id"]!}}"}
            """);

        var after = (await fixture.Aws.GlueAsync("GetJobBookmark", $$"""{"JobName":"{{lake.Job}}"}"""))["JobBookmarkEntry"]!;
        Assert.Equal("SUCCEEDED", (string?)paused["JobRunState"]);
        Assert.Equal(["2"], await lake.CuratedIdsAsync());
        Assert.True(JsonNode.DeepEquals(before, after), $"{before.ToJsonString()} vs {after.ToJsonString()}");
    }

    [Fact]
    public async Task Reset_bookmark_makes_the_next_run_read_everything_again()
    {
        var lake = await NewLakeAsync();
        await lake.UploadAsync(2024, 3, "a.csv", "1,a,1,2024-03-02\n2,b,2,2024-03-03\n");
        await fixture.RunJobAsync(lake.Job, Bookmark("job-bookmark-enable"));
        await lake.ClearCuratedAsync();

        var reset = await fixture.Aws.GlueAsync("ResetJobBookmark", $$"""{"JobName":"{{lake.Job}}"}""");
        var run = await fixture.RunJobAsync(lake.Job, Bookmark("job-bookmark-enable"));

        Assert.Equal(lake.Job, (string?)reset["JobBookmarkEntry"]!["JobName"]);
        Assert.Equal("SUCCEEDED", (string?)run["JobRunState"]);
        Assert.Equal(["1", "2"], await lake.CuratedIdsAsync());
    }

    [Fact]
    public async Task Disabled_bookmark_reads_everything_and_does_not_create_a_bookmark()
    {
        var lake = await NewLakeAsync();
        await lake.UploadAsync(2024, 4, "a.csv", "7,a,1,2024-04-02\n");

        var run = await fixture.RunJobAsync(lake.Job, Bookmark("job-bookmark-disable"));
        var bookmark = await fixture.Aws.GlueErrorAsync("GetJobBookmark", $$"""{"JobName":"{{lake.Job}}"}""");
        var reset = await fixture.Aws.GlueErrorAsync("ResetJobBookmark", $$"""{"JobName":"{{lake.Job}}"}""");

        Assert.Equal("SUCCEEDED", (string?)run["JobRunState"]);
        Assert.Equal(["7"], await lake.CuratedIdsAsync());
        Assert.Equal("EntityNotFoundException", bookmark.ErrorType);
        Assert.Equal("EntityNotFoundException", reset.ErrorType);
    }

    [Fact]
    public async Task Objects_in_unregistered_partitions_are_not_read()
    {
        var lake = await NewLakeAsync();
        await lake.UploadAsync(2024, 5, "a.csv", "1,a,1,2024-05-02\n");
        await fixture.PutAsync($"{lake.RawPrefix}/year=2024/month=6/b.csv", Header + "2,b,2,2024-06-02\n");

        await fixture.RunJobAsync(lake.Job, Bookmark("job-bookmark-enable"));

        Assert.Equal(["1"], await lake.CuratedIdsAsync());
    }

    [Fact]
    public async Task Bad_input_fails_the_run_and_writes_no_output()
    {
        var lake = await NewLakeAsync();
        await lake.UploadAsync(2024, 7, "good.csv", "1,a,1,2024-07-02\n");
        await lake.UploadAsync(2024, 7, "bad.csv", "x,not-a-number,oops,2024-07-03\n");

        var run = await fixture.RunJobAsync(lake.Job, Bookmark("job-bookmark-enable"));

        Assert.Equal("FAILED", (string?)run["JobRunState"]);
        Assert.False(string.IsNullOrEmpty((string?)run["ErrorMessage"]));
        Assert.Empty(await fixture.ListAsync(LocalAwsFixture.DataBucket, lake.CuratedPrefix + "/"));
        Assert.Equal("EntityNotFoundException", (await fixture.Aws.GlueErrorAsync("GetJobBookmark", $$"""{"JobName":"{{lake.Job}}"}""")).ErrorType);
    }

    [Fact]
    public async Task Wrong_header_fails_the_run()
    {
        var lake = await NewLakeAsync();
        await fixture.PutAsync($"{lake.RawPrefix}/year=2024/month=8/h.csv", "id;name;amount;date\n1;a;1;2024-08-01\n");
        await Lake.AddPartitionAsync(fixture, lake.Database, "raw", lake.RawPrefix, 2024, 8);

        var run = await fixture.RunJobAsync(lake.Job, Bookmark("job-bookmark-enable"));

        Assert.Equal("FAILED", (string?)run["JobRunState"]);
        Assert.Contains("header", (string?)run["ErrorMessage"], StringComparison.OrdinalIgnoreCase);
    }

    private static string Bookmark(string option) => $$"""{"--job-bookmark-option":"{{option}}"}""";

    private async Task<TestLake> NewLakeAsync()
    {
        var database = await Lake.CreateDatabaseAsync(fixture);
        var lake = new TestLake(fixture, database, $"{database}/raw", $"{database}/curated", LocalAwsFixture.Unique("raw_to_curated"));
        await Lake.CreateRawTableAsync(fixture, database, "raw", lake.RawPrefix);
        await Lake.CreateCuratedTableAsync(fixture, database, "curated", lake.CuratedPrefix);
        await fixture.Aws.GlueAsync("CreateJob", $$"""
            {"Name":"{{lake.Job}}","Role":"arn:aws:iam::000000000000:role/glue",
             "Command":{"Name":"glueetl","ScriptLocation":"s3://scripts/raw_to_curated.py","PythonVersion":"3"},
             "DefaultArguments":{"--source_database":"{{database}}","--source_table":"raw","--target_database":"{{database}}",
               "--target_table":"curated","--local-run-seconds":"0","--local-starting-seconds":"0"} }
            """);
        return lake;
    }
}
