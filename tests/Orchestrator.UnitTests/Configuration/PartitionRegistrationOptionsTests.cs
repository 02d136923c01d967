using Microsoft.Extensions.Configuration;
using Orchestrator.Cli;
using Orchestrator.Jobs.Catalog;
using Orchestrator.Scheduling;

namespace Orchestrator.UnitTests.Configuration;

public sealed class PartitionRegistrationOptionsTests
{
    private static readonly Dictionary<string, string?> Valid = new()
    {
        ["Orchestrator:Queue:Url"] = "https://sqs.eu-west-1.amazonaws.com/123456789012/data-lake-events",
        ["Orchestrator:Datasets:sales:Source:Bucket"] = "data-lake",
        ["Orchestrator:Datasets:sales:Source:Prefix"] = "raw/sales/",
        ["Orchestrator:Datasets:sales:Source:Partitions:0"] = "year:int",
        ["Orchestrator:Datasets:sales:Glue:Job"] = "raw_to_curated",
        ["Orchestrator:Datasets:sales:RawTable:Database"] = "my_database",
        ["Orchestrator:Datasets:sales:RawTable:Table"] = "raw_sales",
        ["Orchestrator:Datasets:sales:OutputTable:Database"] = "my_database",
        ["Orchestrator:Datasets:sales:OutputTable:Table"] = "my_table",
    };

    private static (Orchestrator.Configuration.OrchestratorOptions Options, IReadOnlyList<string> Errors) Evaluate(params (string Key, string? Value)[] overrides)
    {
        var values = new Dictionary<string, string?>(Valid);
        foreach (var (key, value) in overrides)
        {
            values[key] = value;
        }

        return ConfigurationReport.Evaluate(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
    }

    [Fact]
    public void Without_a_setting_tables_register_through_the_glue_api()
    {
        var (options, errors) = Evaluate();

        Assert.Empty(errors);
        var job = DatasetJobDefinitions.Build(options).Find("sales")!;
        Assert.Equal(new TableRef("my_database", "raw_sales", PartitionRegistration.GlueApi), job.RawTable);
        Assert.Equal(PartitionRegistration.GlueApi, job.OutputTable!.Registration);
    }

    [Fact]
    public void Each_table_takes_its_own_strategy_and_the_crawler_name()
    {
        var (options, errors) = Evaluate(
            ("Orchestrator:Datasets:sales:RawTable:Registration", "athenaddl"),
            ("Orchestrator:Datasets:sales:OutputTable:Registration", "Crawler"),
            ("Orchestrator:Datasets:sales:OutputTable:Crawler", "curated-crawler"));

        Assert.Empty(errors);
        var job = DatasetJobDefinitions.Build(options).Find("sales")!;
        Assert.Equal(PartitionRegistration.AthenaDdl, job.RawTable!.Registration);
        Assert.Equal(new TableRef("my_database", "my_table", PartitionRegistration.Crawler, "curated-crawler"), job.OutputTable);
    }

    [Fact]
    public void An_unknown_strategy_a_crawler_without_a_name_and_a_stray_crawler_name_are_reported_with_key_and_value()
    {
        var (_, errors) = Evaluate(
            ("Orchestrator:Datasets:sales:RawTable:Registration", "Msck"),
            ("Orchestrator:Datasets:sales:OutputTable:Registration", "Crawler"));
        var (_, stray) = Evaluate(
            ("Orchestrator:Datasets:sales:RawTable:Registration", "1"),
            ("Orchestrator:Datasets:sales:OutputTable:Crawler", "c"));

        Assert.Contains("Orchestrator:Datasets:sales:RawTable:Registration: 'Msck' is not one of GlueApi, AthenaDdl, Crawler.", errors);
        Assert.Contains("Orchestrator:Datasets:sales:OutputTable:Crawler: a crawler name is required with Registration = Crawler.", errors);
        Assert.Contains("Orchestrator:Datasets:sales:RawTable:Registration: '1' is not one of GlueApi, AthenaDdl, Crawler.", stray);
        Assert.Contains(stray, e => e.StartsWith("Orchestrator:Datasets:sales:OutputTable:Crawler: 'c' is only used with Registration = Crawler", StringComparison.Ordinal));
    }
}
