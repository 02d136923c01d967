using System.Text.Json.Nodes;
using LocalAws.Wire;

namespace LocalAws.Glue.Catalog;

/// <summary>
/// CreateCrawler and GetCrawler, so seeds and deployment scripts that declare crawlers work. Crawlers are stored but
/// never run (StartCrawler is not implemented): the project registers partitions through the API instead.
/// </summary>
internal sealed class CrawlerOperations(TimeProvider time) : IOperationGroup
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, JsonObject> _crawlers = new(StringComparer.Ordinal);

    public void Register(OperationTable table)
    {
        table.Add(AwsService.Glue, "CreateCrawler", CreateCrawler);
        table.Add(AwsService.Glue, "GetCrawler", GetCrawler);
    }

    private JsonObject CreateCrawler(JsonObject request)
    {
        var name = request.RequiredString("Name");
        request.RequiredString("Role");
        request.RequiredObject("Targets");
        var crawler = (JsonObject)request.DeepClone();
        crawler.Remove("Tags");
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
            return new JsonObject
            {
                ["Crawler"] = _crawlers.GetValueOrDefault(name)?.DeepClone() ?? throw GlueErrors.EntityNotFound($"Crawler entry with name {name} does not exist"),
            };
        }
    }
}
