using System.Text.Json;
using System.Text.Json.Nodes;

namespace LocalAws.Faults;

/// <summary>
/// <c>/__admin/faults</c>: GET lists the rules, POST adds or replaces the rule for one operation, DELETE removes all.
/// Not an AWS API, so plain JSON and no signature.
/// </summary>
internal static class AdminEndpoints
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/__admin/faults", (FaultInjector faults) => Results.Json(faults.Rules.Select(ToJson).ToList()));
        app.MapDelete("/__admin/faults", (FaultInjector faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });
        app.MapPost("/__admin/faults", async (HttpRequest request, FaultInjector faults) =>
        {
            JsonObject? body;
            try
            {
                body = await JsonNode.ParseAsync(request.Body) as JsonObject;
            }
            catch (JsonException error)
            {
                return Results.BadRequest(new { error = error.Message });
            }

            if (body is null || Parse(body) is not { } rule)
            {
                return Results.BadRequest(new { error = "expected {operation, throttleRate?, serverErrorRate?, latencyMs?, spikeRate?, spikeMs?, count?, itemErrors?} with rates in 0..1" });
            }

            faults.Set(rule);
            return Results.Json(ToJson(rule));
        });
        app.MapGet("/__admin/calls", (FaultInjector faults) => Results.Json(faults.Calls));
        app.MapDelete("/__admin/calls", (FaultInjector faults) =>
        {
            faults.ResetCalls();
            return Results.NoContent();
        });
        app.MapGet("/__admin/health", () => Results.Text("ok"));
        MapAthena(app);
    }

    /// <summary>
    /// <c>/__admin/athena</c>: GET the peaks of queries (and DDL statements) running at once and every query with its
    /// ClientRequestToken and state; POST <c>/__admin/athena/holds</c> <c>{"match": "text", "seconds": 30}</c> keeps queries
    /// whose SQL contains the text RUNNING that long before they run; DELETE removes the holds and resets the peaks.
    /// </summary>
    private static void MapAthena(IEndpointRouteBuilder app)
    {
        app.MapGet("/__admin/athena", (Athena.QueryObservations observations, Athena.QueryStore queries) => Results.Json(new JsonObject
        {
            ["peakRunning"] = observations.PeakRunning,
            ["peakRunningDdl"] = observations.PeakRunningDdl,
            ["queries"] = new JsonArray([.. queries.List().Select(q => (JsonNode)new JsonObject
            {
                ["id"] = q.Execution.Id,
                ["token"] = q.Token,
                ["state"] = q.Execution.State,
                ["statementType"] = q.Execution.Kind.StatementType,
                ["query"] = q.Execution.SubmittedQuery,
            })]),
        }));
        app.MapDelete("/__admin/athena", (Athena.QueryObservations observations) =>
        {
            observations.Reset();
            return Results.NoContent();
        });
        app.MapPost("/__admin/athena/holds", async (HttpRequest request, Athena.QueryObservations observations) =>
        {
            JsonObject? body;
            try
            {
                body = await JsonNode.ParseAsync(request.Body) as JsonObject;
            }
            catch (JsonException error)
            {
                return Results.BadRequest(new { error = error.Message });
            }

            var match = (string?)body?["match"];
            var seconds = (double?)body?["seconds"];
            if (string.IsNullOrEmpty(match) || seconds is not (>= 0 and <= 3600))
            {
                return Results.BadRequest(new { error = "expected {match: non-empty text, seconds: 0..3600}" });
            }

            observations.Hold(match, TimeSpan.FromSeconds(seconds.Value));
            return Results.NoContent();
        });
    }

    private static FaultRule? Parse(JsonObject body)
    {
        var operation = (string?)body["operation"] ?? "*";
        var throttle = (double?)body["throttleRate"] ?? 0;
        var serverError = (double?)body["serverErrorRate"] ?? 0;
        var latency = (int?)body["latencyMs"] ?? 0;
        var count = (int?)body["count"];
        var itemErrors = (int?)body["itemErrors"];
        var spikeRate = (double?)body["spikeRate"] ?? 0;
        var spikeMs = (int?)body["spikeMs"] ?? 0;
        var valid = throttle is >= 0 and <= 1 && serverError is >= 0 and <= 1 && throttle + serverError <= 1 && latency >= 0
            && (count is null or >= 0) && (itemErrors is null or >= 0) && spikeRate is >= 0 and <= 1 && spikeMs >= 0;
        return valid ? new FaultRule(operation, throttle, serverError, latency, count, itemErrors, spikeRate, spikeMs) : null;
    }

    private static JsonObject ToJson(FaultRule rule) => new()
    {
        ["operation"] = rule.Operation,
        ["throttleRate"] = rule.ThrottleRate,
        ["serverErrorRate"] = rule.ServerErrorRate,
        ["latencyMs"] = rule.LatencyMs,
        ["count"] = rule.Count,
        ["itemErrors"] = rule.ItemErrors,
        ["spikeRate"] = rule.SpikeRate,
        ["spikeMs"] = rule.SpikeMs,
    };
}
