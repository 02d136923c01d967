using System.Text.Json.Nodes;
using Amazon.S3.Model;
using LocalAws.Tests.Infrastructure;

namespace LocalAws.Tests.Jobs;

/// <summary>One test's raw and curated tables and its raw_to_curated job.</summary>
internal sealed record TestLake(LocalAwsFixture Fixture, string Database, string RawPrefix, string CuratedPrefix, string Job)
{
    private readonly HashSet<(int, int)> _registered = [];

    /// <summary>Uploads a CSV (header added) and registers its partition, as the orchestrator would.</summary>
    public async Task UploadAsync(int year, int month, string name, string rows)
    {
        await Fixture.PutAsync($"{RawPrefix}/year={year}/month={month}/{name}", "id,name,amount,date\n" + rows);
        if (_registered.Add((year, month)))
        {
            await Lake.AddPartitionAsync(Fixture, Database, "raw", RawPrefix, year, month);
        }
    }

    /// <summary>The ids in the curated table, read with Athena after registering every output partition.</summary>
    public async Task<string[]> CuratedIdsAsync()
    {
        var keys = await Fixture.ListAsync(LocalAwsFixture.DataBucket, CuratedPrefix + "/");
        var partitions = keys.Select(k => k[(CuratedPrefix.Length + 1)..].Split('/'))
            .Select(p => (Year: p[0].Split('=')[1], Month: p[1].Split('=')[1])).Distinct().ToList();
        var inputs = new JsonArray([.. partitions.Select(p => new JsonObject
        {
            ["Values"] = new JsonArray(p.Year, p.Month),
            ["StorageDescriptor"] = new JsonObject { ["Location"] = $"s3://{LocalAwsFixture.DataBucket}/{CuratedPrefix}/year={p.Year}/month={p.Month}/" },
        })]);
        if (inputs.Count > 0)
        {
            await Fixture.Aws.GlueAsync("BatchCreatePartition",
                new JsonObject { ["DatabaseName"] = Database, ["TableName"] = "curated", ["PartitionInputList"] = inputs }.ToJsonString());
        }

        var rows = await Fixture.SelectAsync("SELECT id FROM curated ORDER BY id", Database);
        return [.. rows.Select(r => r[0]!)];
    }

    /// <summary>Deletes the job's output so the next run's output can be checked on its own.</summary>
    public async Task ClearCuratedAsync()
    {
        foreach (var key in await Fixture.ListAsync(LocalAwsFixture.DataBucket, CuratedPrefix + "/"))
        {
            await Fixture.S3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = LocalAwsFixture.DataBucket, Key = key });
        }
    }
}
