using System.Text.Json.Nodes;
using LocalAws.Hosting;
using LocalAws.Wire;

namespace LocalAws.Glue.Catalog;

/// <summary>
/// CreateCrawler, GetCrawler and StartCrawler. A started crawler goes READY → RUNNING → STOPPING → READY with a
/// successful <c>LastCrawl</c>, as on AWS, but crawls nothing: the project registers partitions through the API, and the
/// state machine is what clients (CrawlerRunningException, polling GetCrawler) depend on.
/// </summary>
internal sealed class CrawlerOperations(TimeProvider time, LocalAwsOptions options) : IOperationGroup
{
    // How long STOPPING lasts after RUNNING; AWS takes about a minute, tests want it short.
    private static readonly TimeSpan StoppingTime = TimeSpan.FromMilliseconds(200);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, JsonObject> _crawlers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _started = new(StringComparer.Ordinal);

    public void Register(OperationTable table)
    {
        table.Add(AwsService.Glue, "CreateCrawler", CreateCrawler);
        table.Add(AwsService.Glue, "GetCrawler", GetCrawler);
        table.Add(AwsService.Glue, "StartCrawler", StartCrawler);
    }

    private JsonObject CreateCrawler(JsonObject request)
    {
        var name = request.RequiredString("Name");
        request.RequiredString("Role");
        request.RequiredObject("Targets");
        var crawler = (JsonObject)request.DeepClone();
        crawler.Remove("Tags");
        // CreateCrawler takes the cron text; the Crawler shape holds a Schedule structure (glue-2017-03-31).
        if (request.OptionalString("Schedule") is { } cron)
        {
            crawler["Schedule"] = new JsonObject { ["ScheduleExpression"] = cron, ["State"] = "SCHEDULED" };
        }

        var now = EpochSeconds.From(time.GetUtcNow());
        crawler["State"] = "READY";
        crawler["CreationTime"] = now;
        crawler["LastUpdated"] = now.DeepClone();
        crawler["Version"] = 1;
        lock (_gate)
        {
            if (!_crawlers.TryAdd(name, crawler))
            {
                throw GlueErrors.AlreadyExists($"Crawler with name {name} has already been created");
            }
        }

        return [];
    }

    private JsonObject GetCrawler(JsonObject request)
    {
        var name = request.RequiredString("Name");
        lock (_gate)
        {
            return new JsonObject { ["Crawler"] = Current(name).DeepClone() };
        }
    }

    private JsonObject StartCrawler(JsonObject request)
    {
        var name = request.RequiredString("Name");
        lock (_gate)
        {
            var crawler = Current(name);
            if ((string?)crawler["State"] != "READY")
            {
                throw GlueErrors.CrawlerRunning($"Crawler with name {name} has already started");
            }

            _started[name] = time.GetUtcNow();
            crawler["State"] = "RUNNING";
        }

        return [];
    }

    // The state is derived from the start time when read, so no background work is needed.
    private JsonObject Current(string name)
    {
        var crawler = _crawlers.GetValueOrDefault(name)
            ?? throw GlueErrors.EntityNotFound($"Crawler entry with name {name} does not exist");
        if (!_started.TryGetValue(name, out var started))
        {
            return crawler;
        }

        var elapsed = time.GetUtcNow() - started;
        if (elapsed < options.CrawlerRunTime)
        {
            crawler["State"] = "RUNNING";
            crawler["CrawlElapsedTime"] = (long)elapsed.TotalMilliseconds;
        }
        else if (elapsed < options.CrawlerRunTime + StoppingTime)
        {
            crawler["State"] = "STOPPING";
            crawler["CrawlElapsedTime"] = (long)elapsed.TotalMilliseconds;
        }
        else
        {
            crawler["State"] = "READY";
            crawler.Remove("CrawlElapsedTime");
            crawler["LastCrawl"] = new JsonObject
            {
                ["Status"] = "SUCCEEDED",
                ["StartTime"] = EpochSeconds.From(started),
                ["LogGroup"] = "/aws-glue/crawlers",
                ["LogStream"] = name,
            };
            _started.Remove(name);
        }

        return crawler;
    }
}
