using System.Net;
using System.Net.Http.Json;
using LocalAws.Tests.Infrastructure;

namespace LocalAws.Tests.Faults;

/// <summary>Fault rules are global to the emulator, so these tests run one at a time and clear them afterwards.</summary>
[Collection(LocalAwsCollectionDefinition.Name)]
public sealed class FaultInjectionTests(LocalAwsFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => ClearAsync();

    public Task DisposeAsync() => ClearAsync();

    [Fact]
    public async Task Glue_throttling_is_a_400_ThrottlingException()
    {
        await SetAsync(new { operation = "GetDatabases", throttleRate = 1.0 });

        var response = await fixture.Aws.SendAsync("AWSGlue.GetDatabases", "{}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ThrottlingException", response.ErrorType);
    }

    [Fact]
    public async Task Athena_throttling_is_a_400_TooManyRequestsException()
    {
        await SetAsync(new { operation = "*", throttleRate = 1.0 });

        var response = await fixture.Aws.SendAsync("AmazonAthena.GetWorkGroup", """{"WorkGroup":"primary"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("TooManyRequestsException", response.ErrorType);
    }

    [Fact]
    public async Task Server_errors_are_500_with_each_services_internal_error_name()
    {
        await SetAsync(new { operation = "*", serverErrorRate = 1.0 });

        var glue = await fixture.Aws.SendAsync("AWSGlue.GetDatabases", "{}");
        var athena = await fixture.Aws.SendAsync("AmazonAthena.GetWorkGroup", """{"WorkGroup":"primary"}""");

        Assert.Equal(HttpStatusCode.InternalServerError, glue.Status);
        Assert.Equal("InternalServiceException", glue.ErrorType);
        Assert.Equal(HttpStatusCode.InternalServerError, athena.Status);
        Assert.Equal("InternalServerException", athena.ErrorType);
    }

    [Fact]
    public async Task Item_errors_fail_that_many_partitions_of_a_batch_alone_and_create_the_others()
    {
        await fixture.Aws.SendAsync("AWSGlue.CreateDatabase", """{"DatabaseInput":{"Name":"item_faults"}}""");
        await fixture.Aws.SendAsync("AWSGlue.CreateTable", """
            {"DatabaseName":"item_faults","TableInput":{"Name":"t","PartitionKeys":[{"Name":"k","Type":"string"}],
             "StorageDescriptor":{"Columns":[{"Name":"c","Type":"string"}],"Location":"s3://b/t/"}}}
            """);
        await SetAsync(new { operation = "BatchCreatePartition", itemErrors = 2 });
        const string Batch = """
            {"DatabaseName":"item_faults","TableName":"t","PartitionInputList":[
              {"Values":["a"],"StorageDescriptor":{"Location":"s3://b/t/k=a/"}},
              {"Values":["b"],"StorageDescriptor":{"Location":"s3://b/t/k=b/"}},
              {"Values":["c"],"StorageDescriptor":{"Location":"s3://b/t/k=c/"}}]}
            """;

        var first = await fixture.Aws.SendAsync("AWSGlue.BatchCreatePartition", Batch);
        var second = await fixture.Aws.SendAsync("AWSGlue.BatchCreatePartition", Batch);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(2, first.Body["Errors"]!.AsArray().Count);
        Assert.All(first.Body["Errors"]!.AsArray(), e => Assert.Equal("InternalServiceException", (string?)e!["ErrorDetail"]!["ErrorCode"]));
        Assert.Equal(["a", "b"], first.Body["Errors"]!.AsArray().Select(e => (string)e!["PartitionValues"]![0]!));
        // Used up: the retry creates a and b, and c is reported as already there.
        Assert.Equal(["c"], second.Body["Errors"]!.AsArray().Select(e => (string)e!["PartitionValues"]![0]!));
        Assert.Equal("AlreadyExistsException", (string?)second.Body["Errors"]![0]!["ErrorDetail"]!["ErrorCode"]);
    }

    [Fact]
    public async Task Count_limited_rule_fails_that_many_calls_then_lets_the_retry_through()
    {
        await SetAsync(new { operation = "AWSGlue.GetDatabases", throttleRate = 1.0, count = 2 });

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            statuses.Add((await fixture.Aws.SendAsync("AWSGlue.GetDatabases", "{}")).Status);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.OK], statuses);
    }

    [Fact]
    public async Task Rule_for_one_operation_leaves_the_others_alone()
    {
        await SetAsync(new { operation = "StartJobRun", serverErrorRate = 1.0 });

        var other = await fixture.Aws.SendAsync("AWSGlue.GetDatabases", "{}");
        var target = await fixture.Aws.SendAsync("AWSGlue.StartJobRun", """{"JobName":"x"}""");

        Assert.Equal(HttpStatusCode.OK, other.Status);
        Assert.Equal("InternalServiceException", target.ErrorType);
    }

    [Fact]
    public async Task A_latency_spike_rule_delays_every_call_when_its_rate_is_one_and_none_when_zero()
    {
        await SetAsync(new { operation = "AWSGlue.GetDatabases", spikeRate = 1.0, spikeMs = 400 });
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var spiked = await fixture.Aws.SendAsync("AWSGlue.GetDatabases", "{}");
        var spikedTime = watch.Elapsed;
        await SetAsync(new { operation = "AWSGlue.GetDatabases", spikeRate = 0.0, spikeMs = 5000 });
        watch.Restart();
        var calm = await fixture.Aws.SendAsync("AWSGlue.GetDatabases", "{}");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (spiked.Status, calm.Status));
        Assert.True(spikedTime >= TimeSpan.FromMilliseconds(390), $"spiked call took {spikedTime.TotalMilliseconds} ms");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"a rate of 0 still delayed the call by {watch.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Calls_are_counted_per_operation_faulted_ones_included_until_reset()
    {
        using (var reset = await fixture.Http.DeleteAsync("/__admin/calls"))
        {
            reset.EnsureSuccessStatusCode();
        }

        await SetAsync(new { operation = "AWSGlue.GetDatabases", throttleRate = 1.0, count = 1 });
        await fixture.Aws.SendAsync("AWSGlue.GetDatabases", "{}");
        await fixture.Aws.SendAsync("AWSGlue.GetDatabases", "{}");
        await fixture.Aws.SendAsync("AmazonAthena.GetWorkGroup", """{"WorkGroup":"primary"}""");

        var calls = await fixture.Http.GetFromJsonAsync<Dictionary<string, long>>("/__admin/calls");
        Assert.Equal(2, calls!["AWSGlue.GetDatabases"]);
        Assert.Equal(1, calls["AmazonAthena.GetWorkGroup"]);
    }

    [Fact]
    public async Task Invalid_rule_is_rejected()
    {
        using var response = await fixture.Http.PostAsJsonAsync("/__admin/faults", new { operation = "*", throttleRate = 2.0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task SetAsync(object rule)
    {
        using var response = await fixture.Http.PostAsJsonAsync("/__admin/faults", rule);
        response.EnsureSuccessStatusCode();
    }

    private async Task ClearAsync()
    {
        using var response = await fixture.Http.DeleteAsync("/__admin/faults");
        response.EnsureSuccessStatusCode();
    }
}
