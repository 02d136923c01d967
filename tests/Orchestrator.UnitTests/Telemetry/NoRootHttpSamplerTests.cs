using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;
using Orchestrator.Hosting;

namespace Orchestrator.UnitTests.Telemetry;

/// <summary>
/// With the orchestrator's tracing as registered, an HTTP request outside any span (an SQS long poll) makes no trace, and
/// one inside a span of ours is traced as its child.
/// </summary>
public sealed class NoRootHttpSamplerTests
{
    [Fact]
    public async Task Http_requests_are_traced_only_inside_a_span()
    {
        var spans = new List<Activity>();
        var builder = OrchestratorHost.CreateBuilder(configFile: null);
        builder.Services.AddOpenTelemetry().WithTracing(t => t.AddInMemoryExporter(spans));
        Telemetry_registration(builder);
        using var host = builder.Build();
        var provider = host.Services.GetRequiredService<TracerProvider>();
        using var listener = new System.Net.HttpListener();
        int port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var serving = Task.Run(async () =>
        {
            for (int i = 0; i < 2; i++)
            {
                var context = await listener.GetContextAsync();
                context.Response.StatusCode = (int)HttpStatusCode.NoContent;
                context.Response.Close();
            }
        });
        using var client = new HttpClient();

        await client.GetAsync(new Uri($"http://127.0.0.1:{port}/root"));
        using (var ours = Orchestrator.Jobs.GlueRuns.GlueRunTelemetry.StartRunRequest("unit-test", default))
        {
            await client.GetAsync(new Uri($"http://127.0.0.1:{port}/inside"));
        }

        await serving;
        provider.ForceFlush();
        var http = spans.Where(s => s.OperationName == "System.Net.Http.HttpRequestOut").ToList();
        var request = Assert.Single(spans, s => s.DisplayName == "orchestrator.glue.request" && (string?)s.GetTagItem("orchestrator.dataset") == "unit-test");
        var traced = Assert.Single(http, s => s.ParentSpanId == request.SpanId);
        Assert.DoesNotContain(http, s => s.ParentSpanId == default);
        Assert.EndsWith("/inside", traced.GetTagItem("url.full") as string ?? "", StringComparison.Ordinal);
    }

    private static void Telemetry_registration(HostApplicationBuilder builder) => Orchestrator.Telemetry.TelemetryRegistration.AddOrchestratorTelemetry(builder);

    private static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
