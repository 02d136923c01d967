using System.Text.Json.Nodes;
using LocalAws.Hosting;
using LocalAws.Wire;

namespace LocalAws.Seed;

/// <summary>
/// Applies <c>--seed seed.json</c> through the same operations the API uses, so a seed is validated like a real call.
/// Format (every section optional; each item is the request of the named operation):
/// <c>{"databases": [CreateDatabase], "tables": [CreateTable], "partitions": [CreatePartition], "jobs": [CreateJob],
/// "crawlers": [CreateCrawler], "workgroups": [CreateWorkGroup]}</c>.
/// </summary>
internal sealed class SeedLoader(LocalAwsOptions options, OperationTable operations)
{
    private static readonly (string Section, AwsService Service, string Operation)[] Sections =
    [
        ("databases", AwsService.Glue, "CreateDatabase"),
        ("tables", AwsService.Glue, "CreateTable"),
        ("partitions", AwsService.Glue, "CreatePartition"),
        ("jobs", AwsService.Glue, "CreateJob"),
        ("crawlers", AwsService.Glue, "CreateCrawler"),
        ("workgroups", AwsService.Athena, "CreateWorkGroup"),
    ];

    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        if (options.SeedFile is null)
        {
            return;
        }

        var seed = JsonNode.Parse(await File.ReadAllTextAsync(options.SeedFile, cancellationToken)) as JsonObject
            ?? throw new InvalidOperationException($"Seed file {options.SeedFile} must hold a JSON object");
        foreach (var (section, service, operation) in Sections)
        {
            foreach (var item in (seed[section] as JsonArray ?? []).OfType<JsonObject>())
            {
                try
                {
                    await operations.InvokeAsync(service, operation, item, cancellationToken);
                }
                catch (AwsServiceException error)
                {
                    throw new InvalidOperationException(
                        $"Seed file {options.SeedFile}, {section}: {operation} failed with {error.ErrorCode}: {error.Message}", error);
                }
            }
        }
    }
}
