using System.Text.Json.Nodes;
using LocalAws.Hosting;
using LocalAws.Wire;

namespace LocalAws.Glue.Catalog;

/// <summary>
/// CreateCrawler, GetCrawler and StartCrawler. A started crawler goes READY → RUNNING → STOPPING → READY, as on AWS, and
/// its crawl registers the partitions found in S3: for every table of the crawler's database whose location lies under one
/// of its S3 targets, the Hive-style folders not yet in the catalog (what AWS's crawler does for an existing partitioned
/// table; it does not infer new tables or schemas here). LastCrawl says SUCCEEDED or FAILED with the error.
/// </summary>
internal sealed class CrawlerOperations(TimeProvider time, LocalAwsOptions options, GlueCatalog catalog, PartitionDiscovery discovery) : IOperationGroup
{
    // How long STOPPING lasts after RUNNING; AWS takes about a minute, tests want it short.
    private static readonly TimeSpan StoppingTime = TimeSpan.FromMilliseconds(200);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, JsonObject> _crawlers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _started = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task<string?>> _crawls = new(StringComparer.Ordinal);

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
            _crawls[name] = Task.Run(() => CrawlAsync((JsonObject)crawler.DeepClone()));
        }

        return [];
    }

    /// <summary>Registers the missing partitions of the tables under the crawler's S3 targets; the error text, or null.</summary>
    private async Task<string?> CrawlAsync(JsonObject crawler)
    {
        try
        {
            string? database = (string?)crawler["DatabaseName"];
            var targets = ((JsonArray?)crawler["Targets"]?["S3Targets"] ?? [])
                .Select(t => (string?)t?["Path"])
                .Where(p => p is not null)
                .Select(p => p!.TrimEnd('/') + "/")
                .ToList();
            if (database is null || targets.Count == 0)
            {
                return null;
            }

            IReadOnlyList<JsonObject> tables;
            try
            {
                tables = catalog.ListTables(database);
            }
            catch (AwsServiceException ex) when (ex.ErrorCode == "EntityNotFoundException")
            {
                return null; // no database yet: nothing to add partitions to (this crawler infers no tables)
            }

            foreach (var table in tables)
            {
                string? location = (string?)table["StorageDescriptor"]?["Location"];
                string name = (string)table["Name"]!;
                if (location is not null && targets.Any(t => (location.TrimEnd('/') + "/").StartsWith(t, StringComparison.Ordinal)))
                {
                    await discovery.RegisterMissingAsync(database, name, CancellationToken.None);
                }
            }

            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
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
        var crawl = _crawls.GetValueOrDefault(name);
        if (elapsed < options.CrawlerRunTime || crawl is { IsCompleted: false })
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
            string? error = crawl?.Result;
            crawler["LastCrawl"] = new JsonObject
            {
                ["Status"] = error is null ? "SUCCEEDED" : "FAILED",
                ["StartTime"] = EpochSeconds.From(started),
                ["LogGroup"] = "/aws-glue/crawlers",
                ["LogStream"] = name,
            };
            if (error is not null)
            {
                ((JsonObject)crawler["LastCrawl"]!)["ErrorMessage"] = error;
            }

            _started.Remove(name);
            _crawls.Remove(name);
        }

        return crawler;
    }
}
