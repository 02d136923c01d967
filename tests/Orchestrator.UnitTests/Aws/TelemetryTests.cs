using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Orchestrator.Jobs.Aws;
using Orchestrator.Jobs.Aws.Glue.Model;

namespace Orchestrator.UnitTests.Aws;

// Not in parallel with each other: both call GetCrawler, and the telemetry test counts process-wide spans and metrics.
[Collection("Glue client telemetry")]
public sealed class TelemetryTests
{
    [Fact]
    public async Task Each_call_is_one_client_span_with_rpc_attributes_retries_and_request_id_and_one_counted_call()
    {
        var aws = new AwsTestClients();
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AwsTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                // Other tests run in parallel: keep only this test's operation.
                if (activity.DisplayName == "Glue.GetCrawler")
                {
                    lock (spans)
                    {
                        spans.Add(activity);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var calls = new MetricCollector<long>(null, AwsTelemetry.Name, "orchestrator.aws.calls");
        aws.Handler.ThenError("ThrottlingException", HttpStatusCode.BadRequest).ThenJson("""{"Crawler":{"Name":"c"}}""", requestId: "rid-7");
        using var glue = aws.Glue();

        await aws.Run(glue.GetCrawlerAsync(new GetCrawlerRequest { Name = "c" }));

        var span = Assert.Single(spans);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("aws-api", span.GetTagItem("rpc.system"));
        Assert.Equal("Glue", span.GetTagItem("rpc.service"));
        Assert.Equal("GetCrawler", span.GetTagItem("rpc.method"));
        Assert.Equal("rid-7", span.GetTagItem("aws.request_id"));
        Assert.Equal(1, span.GetTagItem("orchestrator.aws.retries"));
        Assert.Null(span.GetTagItem("error.type"));
        var mine = calls.GetMeasurementSnapshot().Where(m => Equals(m.Tags["rpc.method"], "GetCrawler")).ToList();
        var measurement = Assert.Single(mine);
        Assert.Equal(1, measurement.Value);
        Assert.Equal("success", measurement.Tags["outcome"]);
        Assert.Equal("Glue", measurement.Tags["rpc.service"]);
    }

    [Fact]
    public async Task A_failed_call_marks_the_span_and_counts_an_error_with_its_code()
    {
        var aws = new AwsTestClients();
        Activity? failed = null;
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AwsTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.DisplayName == "Glue.GetJobBookmark")
                {
                    failed = activity;
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var calls = new MetricCollector<long>(null, AwsTelemetry.Name, "orchestrator.aws.calls");
        aws.Handler.ThenError("EntityNotFoundException", HttpStatusCode.BadRequest);
        using var glue = aws.Glue();

        await Assert.ThrowsAsync<EntityNotFoundException>(() => glue.GetJobBookmarkAsync(new GetJobBookmarkRequest { JobName = "nope" }));

        Assert.NotNull(failed);
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        Assert.Equal("EntityNotFoundException", failed.GetTagItem("error.type"));
        var measurement = Assert.Single(calls.GetMeasurementSnapshot(), m => Equals(m.Tags["rpc.method"], "GetJobBookmark"));
        Assert.Equal("error", measurement.Tags["outcome"]);
        Assert.Equal("EntityNotFoundException", measurement.Tags["error.type"]);
    }
}
