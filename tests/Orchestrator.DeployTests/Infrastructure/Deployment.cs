namespace Orchestrator.DeployTests.Infrastructure;

/// <summary>The stack template and what the orchestrator's task gets from it, evaluated for one store mode.</summary>
internal sealed class Deployment
{
    public const string TemplatePath = "deploy/ecs/orchestrator.yaml";
    public const string OrchestratorContainer = "orchestrator";

    public Deployment(string storeMode = "Sqlite")
    {
        Root = RepositoryRoot.Find();
        Template = CfnTemplate.Load(Path.Combine(Root, TemplatePath));
        Evaluator = new CfnEvaluator(Template, new Dictionary<string, string>
        {
            ["StoreMode"] = storeMode,
            ["ImageUri"] = $"{CfnEvaluator.Account}.dkr.ecr.{CfnEvaluator.Region}.amazonaws.com/orchestrator:1.0.0",
            ["AdotConfig"] = File.ReadAllText(Path.Combine(Root, "deploy/ecs/adot-config.yaml")),
        });
    }

    public string Root { get; }

    public CfnTemplate Template { get; }

    public CfnEvaluator Evaluator { get; }

    public string TaskDefinitionId => Template.ResourcesOfType("AWS::ECS::TaskDefinition").Single();

    public CfnMap Container(string name) => ((CfnList)Template.Properties(TaskDefinitionId)["ContainerDefinitions"]!).Items
        .Cast<CfnMap>().Single(c => c.Text("Name") == name);

    /// <summary>The container's environment and secrets as the process sees them (secrets get a placeholder value).</summary>
    public IReadOnlyDictionary<string, string> Environment(string container = OrchestratorContainer)
    {
        var definition = Container(container);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in Entries(definition["Environment"]))
        {
            Assert.True(variables.TryAdd((string)entry["Name"]!, (string)entry["Value"]!), $"{entry["Name"]} is set twice.");
        }

        foreach (var entry in Entries(definition["Secrets"]))
        {
            Assert.True(variables.TryAdd((string)entry["Name"]!, "secret-from-" + entry["ValueFrom"]), $"{entry["Name"]} is set twice.");
        }

        return variables;
    }

    private IEnumerable<Dictionary<string, object?>> Entries(CfnNode? node) =>
        Evaluator.Evaluate(node) is IEnumerable<object?> list ? list.Cast<Dictionary<string, object?>>() : [];
}
