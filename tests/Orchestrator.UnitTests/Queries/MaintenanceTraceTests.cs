using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Jobs.Catalog;
using Orchestrator.Jobs.Maintenance;
using Orchestrator.Jobs.Queries;
using Orchestrator.Jobs.Runs;
using Orchestrator.Jobs.Tracing;
using Orchestrator.UnitTests.GlueRuns;

namespace Orchestrator.UnitTests.Queries;

/// <summary>The maintenance step of an object's journey: its span links to the dataset's finished runs and parents its queries.</summary>
public sealed class MaintenanceTraceTests
{
    [Fact]
    public async Task A_maintenance_span_links_to_the_datasets_finished_runs_and_parents_its_query_spans()
    {
        var store = new InMemoryRunStore();
        var finished = new GlueRun(Guid.NewGuid(), "sales", "raw_to_curated", RunTrigger.Event, RunState.Requested, 1, "job-bookmark-enable",
            DateTimeOffset.UtcNow.AddMinutes(-10));
        await store.AdmitAsync(finished, CancellationToken.None);
        await store.CompleteAsync(finished.RunId, RunState.Succeeded, "SUCCEEDED", null, DateTimeOffset.UtcNow.AddMinutes(-5), null, CancellationToken.None);
        var other = new GlueRun(Guid.NewGuid(), "orders", "orders_job", RunTrigger.Event, RunState.Requested, 1, "job-bookmark-enable",
            DateTimeOffset.UtcNow.AddMinutes(-10));
        await store.AdmitAsync(other, CancellationToken.None);
        await store.CompleteAsync(other.RunId, RunState.Succeeded, "SUCCEEDED", null, DateTimeOffset.UtcNow.AddMinutes(-5), null, CancellationToken.None);

        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is MaintenanceTelemetry.Name or AthenaQueryTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (spans) { spans.Add(a); } },
        };
        ActivitySource.AddActivityListener(listener);
        var errors = new List<string>();
        var task = new MaintenanceTask("sales", "touch", MaintenanceKind.Sql, new TableRef("lake", "my_table"), TimeZoneInfo.Utc,
            SqlTemplate.Parse("SELECT 1", [], errors), new Dictionary<string, ParameterExpression>(), null, new Dictionary<string, ParameterExpression>());
        using var athena = new AthenaQueryRunner(new ScriptedAthena(), new AthenaQueryOptions { MinPollInterval = TimeSpan.FromMilliseconds(1) },
            TimeProvider.System, NullLogger<AthenaQueryRunner>.Instance);
        var runner = new MaintenanceRunner(athena, null!, NullLogger<MaintenanceRunner>.Instance, store);

        var outcome = await runner.RunAsync(task, DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Empty(errors);
        Assert.Equal("succeeded", outcome.Outcome);
        var maintenance = Assert.Single(spans, s => s.OperationName == "orchestrator.maintenance sql" && (string?)s.GetTagItem("orchestrator.dataset") == "sales");
        var link = Assert.Single(maintenance.Links);
        Assert.Equal(RunTrace.ContextOf(finished.RunId).TraceId, link.Context.TraceId);
        Assert.Equal(RunTrace.ContextOf(finished.RunId).SpanId, link.Context.SpanId);
        var query = Assert.Single(spans, s => s.OperationName == "athena.query maintenance.sql" && s.ParentSpanId == maintenance.SpanId);
        Assert.Equal(maintenance.TraceId, query.TraceId);
    }
}
