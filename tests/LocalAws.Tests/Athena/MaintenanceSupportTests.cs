using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LocalAws.Tests.Infrastructure;

namespace LocalAws.Tests.Athena;

/// <summary>What the orchestrator's maintenance needs from the emulator: parameters, SET LOCATION, holds and peaks.</summary>
[Collection(LocalAwsCollectionDefinition.Name)]
public sealed class MaintenanceSupportTests(LocalAwsFixture fixture)
{
    [Fact]
    public async Task Execution_parameters_bind_to_placeholders_outside_literals_and_comments_and_must_be_literals()
    {
        var start = await fixture.Aws.AthenaAsync("StartQueryExecution", new JsonObject
        {
            ["QueryString"] = "SELECT ? AS a, '?' AS b, ? AS \"d?\" -- ?\n",
            ["ExecutionParameters"] = new JsonArray("1", "'x'"),
        }.ToJsonString());
        var execution = await fixture.WaitForQueryAsync((string)start["QueryExecutionId"]!);
        var rows = await fixture.Aws.AthenaAsync("GetQueryResults", new JsonObject { ["QueryExecutionId"] = start["QueryExecutionId"]!.DeepClone() }.ToJsonString());

        Assert.Equal("SUCCEEDED", (string?)execution["Status"]!["State"]);
        Assert.Equal(["1", "?", "x"], ((JsonArray)rows["ResultSet"]!["Rows"]![1]!["Data"]!).Select(d => (string?)d!["VarCharValue"]));
        foreach (var notALiteral in new[] { "1); DROP TABLE t; --", "now()", "x" })
        {
            var refused = await fixture.Aws.SendAsync("AmazonAthena.StartQueryExecution",
                new JsonObject { ["QueryString"] = "SELECT ?", ["ExecutionParameters"] = new JsonArray(notALiteral) }.ToJsonString());
            Assert.Equal("InvalidRequestException", refused.ErrorType);
        }
    }

    [Fact]
    public async Task Set_location_points_a_partition_elsewhere_and_a_missing_partition_fails()
    {
        var database = await Lake.CreateDatabaseAsync(fixture);
        await Lake.CreateRawTableAsync(fixture, database, "raw", database);
        await fixture.PutAsync($"{database}/year=2024/month=1/a.csv", "id,name,amount,date\n1,a,1.5,2024-01-01\n");
        await fixture.PutAsync($"{database}/moved/a.csv", "id,name,amount,date\n9,z,9.5,2024-01-09\n");
        await Lake.AddPartitionAsync(fixture, database, "raw", database, 2024, 1);

        var moved = await fixture.QueryAsync($"ALTER TABLE raw PARTITION (year = 2024, month = 1) SET LOCATION 's3://{LocalAwsFixture.DataBucket}/{database}/moved/'", database);
        var missing = await fixture.QueryAsync($"ALTER TABLE raw PARTITION (year = 2024, month = 2) SET LOCATION 's3://{LocalAwsFixture.DataBucket}/{database}/moved/'", database);

        Assert.Equal("SUCCEEDED", (string?)moved["Status"]!["State"]);
        Assert.Equal("DDL", (string?)moved["StatementType"]);
        Assert.Equal("FAILED", (string?)missing["Status"]!["State"]);
        Assert.Equal([["9", "z"]], await fixture.SelectAsync("SELECT id, name FROM raw", database));
    }

    [Fact]
    public async Task A_hold_keeps_matching_queries_running_and_the_peaks_count_what_ran_at_once()
    {
        string marker = LocalAwsFixture.Unique("held");
        (await fixture.Http.DeleteAsync("/__admin/athena")).EnsureSuccessStatusCode();
        var bad = await fixture.Http.PostAsJsonAsync("/__admin/athena/holds", new { match = "", seconds = 1 });
        (await fixture.Http.PostAsJsonAsync("/__admin/athena/holds", new { match = marker, seconds = 1.5 })).EnsureSuccessStatusCode();

        var ids = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            var start = await fixture.Aws.AthenaAsync("StartQueryExecution", new JsonObject { ["QueryString"] = $"SELECT {i} AS {marker}" }.ToJsonString());
            ids.Add((string)start["QueryExecutionId"]!);
        }

        await Task.Delay(500);
        var during = await fixture.Http.GetFromJsonAsync<JsonObject>("/__admin/athena");
        var finished = await Task.WhenAll(ids.Select(fixture.WaitForQueryAsync));
        var after = (await fixture.Http.GetFromJsonAsync<JsonObject>("/__admin/athena"))!;
        (await fixture.Http.DeleteAsync("/__admin/athena")).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.All(((JsonArray)during!["queries"]!).Where(q => ((string)q!["query"]!).Contains(marker, StringComparison.Ordinal)),
            q => Assert.Equal("RUNNING", (string?)q!["state"]));
        Assert.All(finished, q => Assert.Equal("SUCCEEDED", (string?)q["Status"]!["State"]));
        Assert.True((int)after["peakRunning"]! >= 3);
        Assert.Equal(0, (int)after["peakRunningDdl"]!);
    }
}
